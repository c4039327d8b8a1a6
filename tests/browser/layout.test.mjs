// tests/browser/layout.test.mjs — nothing cut or off screen (issue 13 item 4): on every screen, at phone
// widths (390 and 320 CSS px) with text at 200% and 100%, and a tablet (768 px) at 200%, every item drawn lies
// inside the window from side to side. Rows of buttons wrap onto the next line, a button's words onto more
// lines, and names in the results wrap instead of being cut short. Depends on: tests/browser/lib/harness.mjs, lib/keyboard.mjs,
// lib/mirror.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, openApp, startServer, state, waitForState } from "./lib/harness.mjs";
import { settledControls, useTextSize } from "./lib/keyboard.mjs";
import { settledResults } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// Every screen at the phone sizes with 200% text; the screens with rows of buttons at 100% and on a tablet.
const SIZES = [
  { width: 390, height: 844, text: 200 },
  { width: 320, height: 700, text: 200 },
  { width: 390, height: 844, text: 100, only: ["start", "results"] },
  { width: 768, height: 1024, text: 200, only: ["start", "results", "settings"], tablet: true },
];

// Items that run past either side of the window.
function outside(s, width) {
  return s.ui.items.filter((i) => i.x < -0.5 || i.x + i.w > width + 0.5)
    .map((i) => `${i.id} "${i.label.slice(0, 40)}" x=${i.x.toFixed(0)} w=${i.w.toFixed(0)}`);
}

for (const size of SIZES) {
  describe(`layout at ${size.width}x${size.height}, text ${size.text}%`, () => {
    let browser;
    before(async () => {
      browser = await launchBrowser({ phone: !size.tablet }); // a tablet at pixel ratio 1 (quicker to draw)
      if (size.text !== 100) await useTextSize(browser.context, size.text);
    });
    after(async () => { await browser?.close(); });

    test("every screen's items fit inside the window", async () => {
      const { page, errors } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
      await page.setViewportSize({ width: size.width, height: size.height });
      const found = await settledResults(page);
      const [a, b] = found.search.results;
      const screens = [
        ["start", "?"],
        ["results", "?pc=B13%209AB&s=results"],
        ["results", "?pc=B13%209AB&s=results", "filters"], // with the sort order and filters open
        ["around", "?pc=B13%209AB&s=around"],
        ["agency", `?pc=B13%209AB&s=agency&a=${a.id}`],
        ["shortlist", `?pc=B13%209AB&sl=${a.id},${b.id}&s=shortlist`],
        ["cost", "?s=cost"],
        ["who_pays", "?s=who_pays", "savings"],
        ["council", "?pc=B13%209AB&s=council"],
        ["about", "?s=about"],
        ["settings", "?s=settings"],
        ["results", "?pc=HR4%209AB&s=results", "none"], // a county our information does not cover yet
        ["start", "?pc=ZZ1%201ZZ", "error"], // a postcode that does not exist
      ];
      const problems = [];
      for (const [screen, query, extra] of screens.filter(([name]) => !size.only || size.only.includes(name))) {
        await page.goto(server.url + query);
        await waitForState(page, (st) => st.ready && st.screen === screen && st.settings.textSize === size.text &&
                                         st.ui.items.length > 3, { timeout: 20000 });
        if (extra === "none") { // no agencies: the screen says so, and offers what to do instead
          await waitForState(page, (st) => st.search.total === 0 && /^No agencies/.test(st.search.summary));
        } else if (screen === "results" || screen === "around") {
          await settledResults(page, { screen });
        }
        if (extra === "filters") {
          await clickItem(page, "filters");
          await waitForState(page, (st) => st.ui.items.some((i) => i.id.startsWith("filter_radius.")));
        } else if (extra === "savings") {
          await page.getByRole("textbox", { name: "Savings and investments" }).fill("12000");
          await page.getByRole("textbox", { name: "Income a week" }).fill("200");
          await waitForState(page, (st) => st.ui.items.some((i) => i.id === "means.headline"));
        } else if (extra === "error") {
          await page.getByRole("button", { name: "Find care" }).press("Enter");
          await waitForState(page, (st) => st.ui.items.some((i) => i.role === "alert"));
        }
        // ImGui lays out and publishes the whole page, scrolled or not (only the results list draws just the
        // rows in view, all alike).
        const s = await settledControls(page);
        for (const p of outside(s, size.width)) problems.push(`${screen}${extra ? " (" + extra + ")" : ""}: ${p}`);
      }
      assert.deepEqual([...new Set(problems)], [], "items outside the window");
      assert.deepEqual(errors, []);
    });
  });
}
