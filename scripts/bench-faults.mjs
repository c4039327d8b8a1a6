// scripts/bench-faults.mjs — how long a person waits for the message when a file fails on a first visit
// (issue 16, item 4): for each fault tests/browser/faults.test.mjs makes (a 404, 500, truncated, flipped or
// dropped manifest.json or bundle.bin; index.wasm or index.js missing or cut short; a details pack missing),
// ms from the page being asked for to the message naming what failed with its "Try again".
//   node scripts/bench-faults.mjs [--runs 3]
// Figures, not pass/fail. Needs a built dist/ (scripts/build-web). Depends on: tests/browser/lib/harness.mjs,
// tests/browser/lib/faults.mjs (playwright-core, Debian's Chromium).
import { launchBrowser, startServer, state } from "../tests/browser/lib/harness.mjs";
import { injectFault } from "../tests/browser/lib/faults.mjs";

const args = process.argv.slice(2);
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 3;
const hasItem = (s, id) => (s.ui?.items || []).some((i) => i.id === id);

// Polls (every 20 ms) until done(page) is true; resolves to ms since `start`.
async function timeTo(page, start, done, timeout = 30000) {
  while (Date.now() - start < timeout) {
    if (await done(page).catch(() => false)) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return NaN;
}

const appMessage = (page) => state(page).then((s) => !!s.loadError && hasItem(s, "retry_load"));
const startMessage = (page) => page.evaluate(() => {
  const s = document.getElementById("status");
  return !!s && !s.hidden && !!document.getElementById("status-retry");
});
const detailsMessage = (page) => state(page).then((s) => !!s.agency?.detailsError && hasItem(s, "retry_details"));

const cases = [];
for (const file of ["manifest.json", "bundle.bin"])
  for (const kind of ["404", "500", "truncate", "flip", "drop"]) cases.push([`data/${file}`, kind, "", appMessage]);
for (const [file, kind] of [["index.wasm", "404"], ["index.wasm", "truncate"], ["index.js", "404"], ["index.js", "truncate"]])
  cases.push([file, kind, "", startMessage]);
// The agency page of the nearest agency to B13 9AB, opened by its share link, its details pack missing.
cases.push(["data/details/B.bin", "404", "?pc=B13%209AB&s=agency&a=1-469910143", detailsMessage]);

const server = await startServer();
const rows = [];
try {
  for (const [file, kind, query, done] of cases) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const browser = await launchBrowser();
      try {
        await injectFault(browser.context, file, kind);
        const page = browser.context.pages()[0] || await browser.context.newPage();
        const start = Date.now();
        page.goto(server.url + query).catch(() => {});
        times.push(await timeTo(page, start, done));
      } finally {
        await browser.close();
      }
    }
    times.sort((a, b) => a - b);
    rows.push([`${file} ${kind}`, times[(times.length - 1) >> 1], times[0], times[times.length - 1]]);
  }
} finally {
  server.stop();
}
console.log(`time to the fault message on a first visit, headless Chromium on loopback, ${runs} runs each (ms)`);
for (const [what, median, lo, hi] of rows)
  console.log(`${what.padEnd(28)} median ${String(Math.round(median)).padStart(5)}  (${Math.round(lo)}-${Math.round(hi)})`);
