// tests/browser/text-field.test.mjs — one text field for every box (issue 15 item 3): text from outside the
// canvas (the accessible mirror's real <input>) always replaces what the canvas box holds, whether the box was
// typed into on the canvas before or is being typed into now (issue 16 item 9). Real keys and clicks only.
// Depends on: tests/browser/lib/harness.mjs, lib/keyboard.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, openApp, startServer, waitForState } from "./lib/harness.mjs";
import { pageHasFocus, tabTo } from "./lib/keyboard.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const item = (s, id) => s.ui.items.find((i) => i.id === id);

test("a postcode typed in the mirror replaces the one typed on the canvas (AL1 1AA, then B1 1AA)", async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    await pageHasFocus(page);
    await clickItem(page, "postcode");
    await waitForState(page, (st) => st.ui.textActive?.id === "postcode");
    await page.keyboard.type("AL1 1AA");
    await page.keyboard.press("Enter");
    await waitForState(page, (st) => st.screen === "results" && st.location.postcode === "AL1 1AA", { timeout: 20000 });
    await clickItem(page, "home");
    await waitForState(page, (st) => st.screen === "start" && item(st, "postcode")?.value === "AL1 1AA");
    // Tab to the mirror's postcode box, and type a new postcode over the old one.
    await tabTo(page, "postcode", { max: 8 });
    assert.equal(await page.evaluate(() => document.activeElement.value), "AL1 1AA");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("B1 1AA");
    await page.keyboard.press("Enter");
    const s = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit",
                                 { timeout: 20000 });
    assert.equal(s.location.postcode, "B1 1AA");
    assert.match(s.search.summary, /B1 1AA/);
    assert.equal(s.ui.postcode, "B1 1AA");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("a box being typed into on the canvas takes the mirror's text at once, and so does a money box left", async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?s=who_pays");
    await pageHasFocus(page);
    await waitForState(page, (st) => st.ready && item(st, "savings"));
    // Savings typed on the canvas, then income: the savings box is left holding 12000.
    await clickItem(page, "savings");
    await page.keyboard.type("12000");
    await waitForState(page, (st) => st.means.savingsPence === 1200000);
    await clickItem(page, "income");
    await waitForState(page, (st) => st.ui.textActive?.id === "income");
    await page.keyboard.type("100");
    await waitForState(page, (st) => st.means.incomePence === 10000);
    // The canvas's income box is still being edited. Into the mirror (Shift+Tab: the savings box, Tab: the
    // income box): text typed there replaces what the canvas box holds, active or not.
    await tabTo(page, "savings", { max: 6, back: true });
    await tabTo(page, "income", { max: 6 });
    await page.keyboard.press("Control+A");
    await page.keyboard.type("250");
    let s = await waitForState(page, (st) => st.means.incomePence === 25000 && item(st, "income").value === "250");
    await tabTo(page, "savings", { max: 6, back: true });
    await page.keyboard.press("Control+A");
    await page.keyboard.type("13000");
    s = await waitForState(page, (st) => st.means.savingsPence === 1300000);
    assert.equal(item(s, "savings").value, "13000");
    assert.equal(s.means.incomePence, 25000);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
