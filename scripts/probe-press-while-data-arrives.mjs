// scripts/probe-press-while-data-arrives.mjs — a result pressed in the accessible mirror while the exact
// postcode's file is still on its way: when the file lands, the list is re-sorted and the pressed result may
// move out of view. Prints, for N fresh loads, where the search was placed when the press was made and
// whether the agency pressed opened. Timing decides whether the press meets the re-sort, so this is a probe
// that prints figures, not a pass/fail test: before the fix in src/ui/screen_results.cpp (a pressed row is
// drawn even out of view), 4 of 8 presses made at sector precision opened nothing.
//   node scripts/probe-press-while-data-arrives.mjs [loads]     (needs a built dist/: scripts/build-web)
import { launchBrowser, openApp, startServer, waitForState } from "../tests/browser/lib/harness.mjs";

const loads = Number(process.argv[2] || 8);
const server = await startServer();
let opened = 0, early = 0, made = 0;
try {
  for (let k = 0; k < loads; k++) {
    const browser = await launchBrowser({});
    try {
      const { page } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
      const s = await waitForState(page, (st) => st.ready && st.screen === "results" && st.search.results.length > 0);
      const id = s.search.results[0].id;
      // What Enter on the mirror's link does: a click on it.
      const pressed = await page.evaluate((key) => {
        const host = document.querySelector(`[data-hcf-id="${key}"]`);
        if (!host) return false; // the list changed first: the result is no longer there to press
        (host.matches("a") ? host : host.querySelector("a")).click();
        return true;
      }, `result.${id}`);
      if (!pressed) {
        console.log(`load ${k + 1}: the list changed before the press could be made`);
        continue;
      }
      made++;
      if (s.location.precision !== "unit") early++;
      const got = await waitForState(page, (st) => st.screen === "agency", { timeout: 8000 }).catch(() => null);
      const ok = got && got.agency.id === id;
      if (ok) opened++;
      console.log(`load ${k + 1}: pressed at ${s.location.precision} precision: ${ok ? "the agency pressed opened" : "NOTHING OPENED"}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.stop();
}
console.log(`presses made: ${made} of ${loads} loads, ${early} of them before the exact postcode arrived; the agency pressed opened: ${opened} of ${made}`);
