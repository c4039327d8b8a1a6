// scripts/screenshots.mjs — screenshots of every screen for docs/screenshots/ and the README: a laptop
// (1366x768), a phone (390x844), the phone with text at 200% (Settings) and a touch kiosk (1366x768,
// ?kiosk=1). Each is the first screenful, what a person sees on opening the screen.
//   node scripts/screenshots.mjs [laptop] [phone] [phone-200] [kiosk]   (all by default; needs a built dist/)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, ROOT, settled, startServer, state } from "../tests/browser/lib/harness.mjs";
import { useTextSize } from "../tests/browser/lib/keyboard.mjs";

const MODES = {
  laptop: { phone: false, suffix: "1366x768" },
  phone: { phone: true, suffix: "390x844" },
  "phone-200": { phone: true, text: 200, suffix: "390x844-text200" },
  kiosk: { touch: true, kiosk: true, suffix: "kiosk-1366x768" },
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(MODES);

const out = join(ROOT, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const server = await startServer();
try {
  for (const name of wanted) {
    const mode = MODES[name];
    if (!mode) throw new Error(`no such mode: ${name} (${Object.keys(MODES).join(", ")})`);
    const browser = await launchBrowser({ phone: mode.phone, touch: mode.touch });
    if (mode.text) await useTextSize(browser.context, mode.text);
    const page = await browser.context.newPage();
    const open = async (query) => {
      const q = mode.kiosk ? query + (query.length > 1 ? "&" : "") + "kiosk=1" : query;
      await page.goto(server.url + q);
      await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
      // Drawn and settled: every frame owed is drawn and no data file is on its way (an area's postcodes, an
      // agency's details), so the picture is the one a person sees once the screen has filled in.
      await settled(page, { timeout: 30000 });
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
    for (const [shot, query] of Object.entries(shots)) {
      await open(query);
      const file = join(out, `${shot}-${mode.suffix}.png`);
      writeFileSync(file, await page.screenshot({ scale: "css" })); // CSS px: small files, the size seen
      console.log("wrote", file);
    }
    await browser.close();
  }
} finally {
  server.stop();
}
