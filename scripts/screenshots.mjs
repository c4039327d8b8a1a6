// scripts/screenshots.mjs — screenshots of every screen at a phone (390x844) and a laptop (1366x768)
// size, for docs/screenshots/ and the README.   node scripts/screenshots.mjs   (needs a built dist/)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, ROOT, startServer, state } from "../tests/browser/lib/harness.mjs";

const out = join(ROOT, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const server = await startServer();
try {
  for (const phone of [false, true]) {
    const browser = await launchBrowser({ phone });
    const page = await browser.context.newPage();
    const open = async (query) => {
      await page.goto(server.url + query);
      await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
      await page.waitForTimeout(600);
    };
    await open("?pc=B13%209AB&s=results");
    const [a, b] = (await state(page)).search.results;
    // Chingford (Waltham Forest, London): the best rated agency nearby, so its five question ratings show.
    await open("?pc=E4%207AA&s=results&sort=rating");
    const [london] = (await state(page)).search.results;
    const shots = {
      start: "?",
      results: "?pc=B13%209AB&s=results",
      around: "?pc=B13%209AB&s=around",
      agency: `?pc=B13%209AB&s=agency&a=${a.id}`,
      shortlist: `?pc=B13%209AB&sl=${a.id},${b.id}&s=shortlist`,
      cost: "?s=cost",
      who_pays: "?s=who_pays",
      council: "?pc=HR4&s=council",
      results_chingford: "?pc=E4%207AA&s=results",
      agency_chingford: `?pc=E4%207AA&s=agency&a=${london.id}`,
      results_hereford: "?pc=HR4%209AB&s=results",
      council_waltham_forest: "?pc=E4%207AA&s=council",
      about: "?s=about",
      settings: "?s=settings",
    };
    for (const [name, query] of Object.entries(shots)) {
      await open(query);
      const file = join(out, `${name}-${phone ? "390x844" : "1366x768"}.png`);
      writeFileSync(file, await page.screenshot());
      console.log("wrote", file);
    }
    await browser.close();
  }
} finally {
  server.stop();
}
