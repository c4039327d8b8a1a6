// tests/browser/faults.test.mjs — a data or program fault on a first visit (issue 16, item 4): each gives,
// within 10 seconds, a plain message naming the file that failed and a "Try again" button, never an endless
// "Loading care information..."; once the fault is gone, "Try again" loads the app.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, startServer, waitForState } from "./lib/harness.mjs";
import { injectFault } from "./lib/faults.mjs";
import { pageHasFocus, tabTo } from "./lib/keyboard.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const hasItem = (s, id) => (s.ui?.items || []).some((i) => i.id === id);

async function firstVisit(file, kind) {
  const browser = await launchBrowser();
  const stop = await injectFault(browser.context, file, kind);
  const page = browser.context.pages()[0] || await browser.context.newPage();
  const started = Date.now();
  await page.goto(server.url);
  return { browser, page, stop, started };
}

describe("a data file fails on a first visit", () => {
  const cases = [];
  for (const file of ["bundle.bin", "manifest.json"])
    for (const kind of ["404", "500", "truncate", "flip", "drop"]) cases.push([file, kind]);
  for (const [file, kind] of cases) {
    test(`${file}: ${kind}`, async () => {
      const { browser, page, stop, started } = await firstVisit("data/" + file, kind);
      try {
        await page.waitForFunction(() => window.hcf && window.hcf.runtimeReady, null, { timeout: 10000 });
        const s = await waitForState(page, (st) => st.loadError && hasItem(st, "retry_load"),
                                     { timeout: Math.max(1000, 10000 - (Date.now() - started)) });
        assert.equal(s.ready, false);
        assert.ok(s.loadError.includes(file) || (kind === "flip" || kind === "truncate") && /damaged/.test(s.loadError),
                  s.loadError);
        assert.doesNotMatch(s.loadError, /Loading/);
        // A screen reader finds the message and the button too (the accessible mirror), and a keyboard uses it.
        const retry = page.locator("#hcf-mirror").getByRole("button", { name: "Try again" });
        await retry.waitFor({ state: "attached", timeout: 5000 });
        assert.ok((await page.locator("#hcf-mirror").textContent()).includes(s.loadError));
        await stop();
        if (kind === "404") await retry.press("Enter");
        else await clickItem(page, "retry_load");
        const again = await waitForState(page, (st) => st.ready === true, { timeout: 20000 });
        assert.equal(again.loadError, "");
      } finally {
        await browser.close();
      }
    });
  }
});

describe("a slow care information file", () => {
  test("Find care pressed before bundle.bin is in says the search will start, and starts it when it comes", async () => {
    const browser = await launchBrowser();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    // bundle.bin is held back until the person has pressed Find care (a slow connection), then let through.
    await browser.context.route("**/data/bundle.bin", async (route) => { await held; await route.continue(); });
    try {
      const page = browser.context.pages()[0] || await browser.context.newPage();
      await page.goto(server.url);
      await waitForState(page, (st) => !st.ready && hasItem(st, "postcode"), { timeout: 20000 });
      await pageHasFocus(page);
      await tabTo(page, "postcode", { max: 8 });
      await page.keyboard.type("B13 9AB");
      await page.keyboard.press("Enter");
      const waiting = await waitForState(page, (st) => hasItem(st, "search_waiting"));
      assert.equal(waiting.ready, false);
      assert.equal(waiting.screen, "start");
      const said = "Your search will start as soon as the care information has loaded.";
      assert.equal(waiting.ui.items.find((i) => i.id === "search_waiting").role, "status");
      assert.ok(!waiting.ui.items.some((i) => i.role === "alert"), "waiting is not an error");
      // A screen reader hears it (the live region) and finds it on the page (the mirror).
      await page.waitForFunction((t) => document.getElementById("hcf-live").textContent.includes(t) &&
                                        document.getElementById("hcf-mirror").textContent.includes(t), said);
      // Said once, where it was asked for: under the box after Enter there, under "Find care" after that button.
      const ids = (st) => st.ui.items.map((i) => i.id);
      assert.equal(ids(waiting).indexOf("search_waiting"), ids(waiting).indexOf("postcode") + 1, ids(waiting).join(" "));
      await page.getByRole("button", { name: "Find care" }).press("Enter");
      const below = await waitForState(page, (st) => ids(st).indexOf("search_waiting") > ids(st).indexOf("find_care"));
      assert.equal(ids(below).filter((id) => id === "search_waiting").length, 1);
      release();
      const s = await waitForState(page, (st) => st.ready && st.screen === "results" && st.search.total > 0 &&
                                                 st.location.precision === "unit", { timeout: 20000 });
      assert.equal(s.location.postcode, "B13 9AB");
      assert.ok(!hasItem(s, "search_waiting"));
    } finally {
      release();
      await browser.close();
    }
  });
});

describe("a details pack fails", () => {
  test("404 for the agency's details: the agency page says so and can try again", async () => {
    const browser = await launchBrowser();
    try {
      const stop = await injectFault(browser.context, "data/details/B.bin", "404");
      const page = browser.context.pages()[0] || await browser.context.newPage();
      await page.goto(server.url + "?pc=B13%209AB");
      let s = await waitForState(page, (st) => st.screen === "results" && st.search.total > 0, { timeout: 30000 });
      const first = s.search.results[0];
      // A person clicks the agency once the list has settled (it redraws when the B area's postcodes arrive).
      await waitForState(page, (st) => st.location.precision === "unit", { timeout: 20000 });
      await clickItem(page, "result." + first.id);
      await waitForState(page, (st) => st.screen === "agency" && st.agency?.id === first.id);
      s = await waitForState(page, (st) => st.screen === "agency" && st.agency?.detailsError &&
                                           hasItem(st, "retry_details"));
      assert.match(s.agency.detailsError, /details\/B\.bin/);
      assert.equal(s.agency.detailsLoaded, false);
      await stop();
      await clickItem(page, "retry_details");
      s = await waitForState(page, (st) => st.agency?.detailsLoaded === true, { timeout: 20000 });
      assert.equal(s.agency.detailsError, "");
    } finally {
      await browser.close();
    }
  });
});

describe("the program files fail", () => {
  for (const [file, kind] of [["index.wasm", "404"], ["index.wasm", "truncate"], ["index.js", "404"],
                              ["index.js", "truncate"]]) {
    test(`${file}: ${kind}`, async () => {
      const { browser, page, started } = await firstVisit(file, kind);
      try {
        await page.waitForFunction((f) => {
          const s = document.getElementById("status");
          return s && !s.hidden && s.textContent.includes(f) && !/Loading/.test(s.textContent) &&
                 document.getElementById("status-retry");
        }, file, { timeout: 10000 });
        assert.ok(Date.now() - started < 11000);
      } finally {
        await browser.close();
      }
    });
  }
});
