// scripts/bench-update.mjs — how long "Update the data" takes in real Chromium, step by step.
//   node scripts/bench-update.mjs [FILE.csv ...]   (needs a built dist/: scripts/build-web)
// Without files it makes a synthetic register of 15,000 agencies in a temporary folder (the 353 real Birmingham
// and Solihull rows of assets/sources/cqc/extra/homecare_locations.csv repeated with new ids and names;
// kept only for this benchmark, never bundled) and times the update from choosing the file to "saved".
// Prints the time each step started (ms after the files were given) and the total. Figures, not pass/fail.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, launchBrowser, openApp, startServer, state } from "../tests/browser/lib/harness.mjs";

let files = process.argv.slice(2);
let temp = null;
if (!files.length) {
  const source = join(ROOT, "assets", "sources", "cqc", "extra", "homecare_locations.csv");
  const [header, ...rows] = readFileSync(source, "utf8").split("\n").filter((l) => l.length);
  const out = [header];
  for (let i = 0; i < 15000; i++) {
    const r = rows[i % rows.length].split(",");
    r[0] = "1-" + (9000000000 + i);
    r[1] = r[1] + " " + i;
    out.push(r.join(","));
  }
  temp = mkdtempSync(join(tmpdir(), "hcf-bench-update-"));
  files = [join(temp, "01_September_2026_synthetic_15000.csv")];
  writeFileSync(files[0], out.join("\n") + "\n");
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser.context, server.url + "?s=about");
  await page.waitForFunction(() => window.hcf.state().ui.items.some((i) => i.id === "update_choose"));
  const t0 = Date.now();
  await page.setInputFiles("#hcf-update-files", files);
  const steps = [];
  let s;
  for (;;) {
    s = await state(page);
    const words = s.update.active ? s.update.words : "";
    if (words && (!steps.length || steps[steps.length - 1][1] !== words)) steps.push([Date.now() - t0, words]);
    if (!s.update.active && (s.update.message || s.update.failed)) break;
    await page.waitForTimeout(10);
  }
  const total = Date.now() - t0;
  for (const [ms, words] of steps) console.log(`${String(ms).padStart(6)} ms  ${words}`);
  console.log(`${String(total).padStart(6)} ms  ${s.update.message}`);
  console.log(`files: ${files.map((f) => f.split("/").pop()).join(", ")}; ` +
              `${(files.reduce((n, f) => n + readFileSync(f).length, 0) / 1e6).toFixed(1)} MB`);
} finally {
  await browser.close();
  server.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
}
