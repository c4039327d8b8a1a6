// tests/browser/cost.test.mjs — the rest of the journey in real Chromium through the canvas and the
// exported state: no agencies nearby offers a wider distance; "What will it cost?" and "Who pays?"
// with known inputs give the expected figures; the printable page lists the shortlisted agencies.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  clickItem, launchBrowser, openApp, screenshotChecked, startServer, typeInto, waitForState, BEHAVIOUR_PIXEL_RATIO,
} from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const item = (st, id) => st.ui.items.find((i) => i.id === id);

// At a laptop's size and a phone's (touch, device pixel ratio 2, the narrow layout).
for (const size of ["desktop", "phone"]) describe(size, () => {
  let browser;
  before(async () => { browser = await launchBrowser({ phone: size === "phone", pixelRatio: BEHAVIOUR_PIXEL_RATIO }); });
  after(async () => { await browser?.close(); });

  test("no agencies within 1 mile offers the next distance that has some, and takes it", async () => {
    // B48 7 (Alvechurch, just south of Birmingham): none within 1 mile, 37 within 5 (CQC, 1 September 2026).
    const { page } = await openApp(browser.context, server.url + "?r=1");
    await typeInto(page, "postcode", "B48 7");
    await clickItem(page, "find_care");
    let s = await waitForState(page, (st) => st.screen === "results" && item(st, "widen"));
    assert.equal(s.search.total, 0);
    assert.match(s.search.advice, /No agencies within 1 mile\. Try 5 miles \(\d+ agencies\)/);
    await screenshotChecked(page, `${size}-widen`);
    const offered = s.search.widenTo;
    await clickItem(page, "widen");
    s = await waitForState(page, (st) => st.search.radius === offered && st.search.total > 0);
    assert.equal(offered, 5);
  });

  test("two half-hour visits a day cost an indicative £161 to £238 a week, and savings over £23,250 mean paying in full", async () => {
    const { page, errors } = await openApp(browser.context, server.url + "?s=cost");
    // 2 visits x 30 minutes x 7 days = 7 hours; the published private range is £23 to £34 an hour
    // (homecare.co.uk): 7 x £23 = £161, 7 x £34 = £238.
    let s = await waitForState(page, (st) => st.screen === "cost" && item(st, "cost.weekly"));
    assert.match(item(s, "cost.weekly").label, /£161 to £238/);
    assert.match(item(s, "cost.yearly").label, /£8,372 to £12,376/);
    await screenshotChecked(page, `${size}-cost`);

    await page.goto(server.url + "?s=who_pays");
    await waitForState(page, (st) => st.ready && st.screen === "who_pays" && item(st, "savings"));
    await typeInto(page, "savings", "30000");
    // Over the upper limit the answer comes at once: the income would not change it, so it is not asked.
    s = await waitForState(page, (st) => st.means.savingsPence === 3000000 && item(st, "means.headline"));
    assert.match(item(s, "means.headline").label, /full cost/i);
    assert.equal(item(s, "income"), undefined);
    await typeInto(page, "savings", "20000");
    await waitForState(page, (st) => st.means.savingsPence === 2000000 && item(st, "income"));
    await typeInto(page, "income", "250");
    // £20,000 is between £14,250 and £23,250: tariff income of £1 a week for each £250 over £14,250 = £23.
    s = await waitForState(page, (st) => st.means.savingsPence === 2000000 && item(st, "means.headline"));
    assert.doesNotMatch(item(s, "means.headline").label, /full cost/i);
    assert.equal(s.means.tariffPence, 2300);
    assert.ok(s.ui.items.some((i) => /tariff income/i.test(i.label) && /£23\b/.test(i.label)),
              "the tariff income of £23 a week is shown");
    await screenshotChecked(page, `${size}-who-pays`);
    assert.deepEqual(errors, []);
  });

  test("the printable page lists the shortlisted agencies", async () => {
    const { page } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
    let s = await waitForState(page, (st) => st.screen === "results" && st.search.total > 1);
    const [a, b] = s.search.results;
    // Every frame's print() is recorded (init scripts run in the hidden print frame too).
    await page.addInitScript(() => {
      window.print = () => { window.top.__printed = (window.top.__printed || 0) + (window === window.top ? 100 : 1); };
    });
    await page.goto(server.url + `?sl=${a.id},${b.id}&s=shortlist`);
    await waitForState(page, (st) => st.ready && st.screen === "shortlist" && item(st, "print"));
    await clickItem(page, "print");
    // The printable page goes into a hidden frame that asks the browser to print it.
    await page.waitForFunction(() => document.getElementById("hcf-print")?.contentDocument?.readyState === "complete");
    const html = await page.evaluate(() => document.getElementById("hcf-print").srcdoc);
    const shown = await page.frameLocator("#hcf-print").locator("body").textContent();
    assert.ok(shown.includes(a.name) && shown.includes(b.name), "the frame shows the printable page");
    await page.waitForFunction(() => window.__printed !== undefined);
    assert.equal(await page.evaluate(() => window.__printed), 1); // the frame printed, once; the app page did not
    const escape = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
    assert.ok(html.includes(escape(a.name)), `print page names ${a.name}`);
    assert.ok(html.includes(escape(b.name)), `print page names ${b.name}`);
    await screenshotChecked(page, `${size}-shortlist`);
  });
});
