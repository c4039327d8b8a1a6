// tests/browser/keyboard.test.mjs — a keyboard user gets in (issue 13 item 1): from a fresh page load, Tab
// reaches every control in reading order with the yellow focus box over it, on every screen, whether focus
// starts on the page, on the canvas (after a click) or in the accessible mirror. Real key presses only; the
// main journey (postcode, Find care, results, agency, shortlist, back) at 1366x768 and at 390x844 with 200%
// text. Depends on: tests/browser/lib/harness.mjs, lib/keyboard.mjs, lib/mirror.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, settledMiddle, startServer, state, waitForState, BEHAVIOUR_PIXEL_RATIO } from "./lib/harness.mjs";
import {
  focusable, focused, pageHasFocus, ringOnFocused, settledControls, tabTo, useTextSize,
} from "./lib/keyboard.mjs";
import { settledResults } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const SIZES = [
  { name: "laptop 1366x768", phone: false, text: 100 },
  { name: "phone 390x844, text 200%", phone: true, text: 200 },
];

for (const size of SIZES) {
  describe(`keyboard only (${size.name})`, () => {
    let browser;
    before(async () => {
      browser = await launchBrowser({ phone: size.phone , pixelRatio: BEHAVIOUR_PIXEL_RATIO });
      if (size.text !== 100) await useTextSize(browser.context, size.text);
    });
    after(async () => { await browser?.close(); });

    test("the main journey from a fresh page load: postcode, Find care, results, agency, shortlist, back", async () => {
      const { page, errors } = await openApp(browser.context, server.url);
      await waitForState(page, (s) => s.settings.textSize === size.text && s.ui.items.some((i) => i.id === "postcode"));
      await pageHasFocus(page);
      assert.equal((await focused(page)).tag, "BODY", "a fresh page has focus nowhere yet");
      // The first Tab lands on the first control drawn (the header's home button), then on down the page.
      const passed = await tabTo(page, "postcode", { max: 8 });
      assert.equal(passed[0], "home", passed.join(", "));
      await page.keyboard.type("B13 9AB");
      await waitForState(page, (s) => s.ui.postcode === "B13 9AB");
      // Enter in the box searches; so would Tab on to "Find care" and Enter.
      await page.keyboard.press("Enter");
      await waitForState(page, (s) => s.screen === "results" && s.location.precision === "unit", { timeout: 20000 });
      const s = await settledResults(page);
      assert.equal(s.location.postcode, "B13 9AB");
      const first = s.search.results[0];
      await tabTo(page, `result.${first.id}`, { max: 40 });
      await page.keyboard.press("Enter");
      await waitForState(page, (st) => st.screen === "agency" && st.agency.id === first.id);
      await tabTo(page, "shortlist_toggle", { max: 40 });
      await page.keyboard.press("Enter");
      await waitForState(page, (st) => st.shortlist.includes(first.id));
      // Back up the page to the header's shortlist tray.
      await tabTo(page, "shortlist", { max: 40, back: true });
      await page.keyboard.press("Enter");
      await waitForState(page, (st) => st.screen === "shortlist" &&
                                       st.ui.items.some((i) => i.id === `result.${first.id}` || i.label === first.name));
      await tabTo(page, "back", { max: 5, back: true }); // "Back" comes before the screen's heading
      await page.keyboard.press("Enter");
      await waitForState(page, (st) => st.screen === "agency" && st.agency.id === first.id);
      assert.deepEqual(errors, []);
    });

    test("focus starting on the canvas: Tab goes on from the control clicked, in reading order", async () => {
      const { page, errors } = await openApp(browser.context, server.url);
      let s = await waitForState(page, (st) => st.settings.textSize === size.text &&
                                               st.ui.items.some((i) => i.id === "postcode"));
      // Click the postcode box drawn on the canvas and type there (a mouse user who then uses the keyboard).
      const { x, y } = await settledMiddle(page, "postcode");
      await page.mouse.click(x, y);
      await waitForState(page, (st) => st.ui.textActive && st.ui.textActive.id === "postcode");
      await page.keyboard.type("B13 9AB");
      await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
      s = await state(page);
      const at = s.ui.items.findIndex((i) => i.id === "postcode");
      const next = s.ui.items.slice(at + 1).find(focusable);
      await page.keyboard.press("Tab");
      const item = await ringOnFocused(page);
      assert.equal(item.id, next.id, "Tab from the canvas's postcode box goes to the next control");
      assert.equal((await focused(page)).inMirror, true);
      // Shift+Tab comes back to the same box, in the mirror, holding what was typed on the canvas.
      await page.keyboard.press("Shift+Tab");
      assert.equal((await ringOnFocused(page)).id, "postcode");
      assert.equal(await page.evaluate(() => document.activeElement.value), "B13 9AB");
      await page.keyboard.press("Enter");
      await waitForState(page, (st) => st.screen === "results" && st.location.postcode === "B13 9AB", { timeout: 20000 });

      // A click on the page's words (no control): Tab goes to the first control after them.
      await page.goto(server.url + "?s=about");
      s = await waitForState(page, (st) => st.ready && st.screen === "about" && st.ui.items.some((i) => i.id === "title"));
      const title = s.ui.items.find((i) => i.id === "title");
      await page.mouse.click(title.x + 5, title.y + title.h / 2);
      s = await state(page);
      const after = s.ui.items.slice(s.ui.items.findIndex((i) => i.id === "title") + 1).find(focusable);
      await page.keyboard.press("Tab");
      assert.equal((await ringOnFocused(page)).id, after.id);
      assert.deepEqual(errors, []);
    });

    test("a focused result that goes from the list passes focus on down the page, never to the page itself", async () => {
      const { page, errors } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
      const found = await settledResults(page);
      await pageHasFocus(page);
      const [a] = found.search.results;
      // A result further down whose name does not hold the first one's: filtering by that name drops it.
      const gone = found.search.results.slice(1).find((r) => !r.name.toLowerCase().includes(a.name.toLowerCase()));
      await tabTo(page, "filters", { max: 20 });
      await page.keyboard.press("Enter");
      await waitForState(page, (st) => st.ui.items.some((i) => i.id === "text_filter"));
      await tabTo(page, `result.${gone.id}`, { max: 60 });
      // The list changes while focus is on that result (as when late data redraws it; here the name filter is
      // set from outside the keyboard so that the focused row is the one that goes).
      await page.evaluate((name) => window.hcf.setText("text_filter", name), a.name);
      await waitForState(page, (st) => st.search.results.length > 0 &&
                                       !st.ui.items.some((i) => i.id === `result.${gone.id}`));
      const now = await ringOnFocused(page);
      const s = await state(page);
      const index = (id) => s.ui.items.findIndex((i) => i.id === id);
      assert.ok(index(now.id) > index("text_filter"), `focus went back up the page to ${now.id}`);
      assert.equal((await focused(page)).inMirror, true);
      // And Tab goes on from there.
      await page.keyboard.press("Tab");
      await ringOnFocused(page);
      assert.deepEqual(errors, []);
    });

    test("every screen: Tab visits each control in reading order with the focus box on it", async () => {
      const { page, errors } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
      const found = await settledResults(page);
      const [a, b] = found.search.results;
      const screens = {
        start: "?",
        results: "?pc=B13%209AB&s=results",
        around: "?pc=B13%209AB&s=around",
        agency: `?pc=B13%209AB&s=agency&a=${a.id}`,
        shortlist: `?pc=B13%209AB&sl=${a.id},${b.id}&s=shortlist`,
        cost: "?s=cost",
        who_pays: "?s=who_pays",
        council: "?pc=B13%209AB&s=council",
        about: "?s=about",
        settings: "?s=settings",
      };
      for (const [screen, query] of Object.entries(screens)) {
        await page.goto(server.url + query);
        let s = await waitForState(page, (st) => st.ready && st.screen === screen && st.ui.items.length > 3 &&
                                                 st.settings.textSize === size.text, { timeout: 20000 });
        if (screen === "results" || screen === "around") await settledResults(page, { screen });
        s = await settledControls(page);
        await pageHasFocus(page);
        const controls = s.ui.items.filter(focusable).map((i) => i.id);
        // Tab through the first screenful's controls (the results list draws more as focus moves down it).
        const want = controls.slice(0, 25);
        const seen = [];
        for (let n = 0; n < want.length + 5 && !want.every((id) => seen.includes(id)); n++) {
          await page.keyboard.press("Tab");
          seen.push((await ringOnFocused(page).catch((e) => {
            throw new Error(`${screen}, after ${seen.join(", ")}: ${e.message}`);
          })).id);
        }
        assert.deepEqual(want.filter((id) => !seen.includes(id)), [], `${screen}: controls Tab never reached`);
        // In reading order: the controls come in the order they are drawn.
        const order = want.map((id) => seen.indexOf(id));
        assert.deepEqual(order, [...order].sort((x, y) => x - y), `${screen}: Tab order ${seen.join(", ")}`);
      }
      assert.deepEqual(errors, []);
    });
  });
}
