// tests/browser/journey.test.mjs — the main journey in real Chromium, acting only through clicks and
// typing on the canvas plus the exported state: postcode -> results -> agency -> shortlist ->
// reload keeps it -> the share link reproduces it. At desktop and phone sizes, with screenshots.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  clickItem, launchBrowser, openApp, screenshotChecked, scrollIntoView, startServer, state, typeInto, waitForState, BEHAVIOUR_PIXEL_RATIO,
} from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

for (const size of ["desktop", "phone"]) {
  describe(`main journey (${size})`, () => {
    let browser;
    before(async () => { browser = await launchBrowser({ phone: size === "phone", pixelRatio: BEHAVIOUR_PIXEL_RATIO }); });
    after(async () => { await browser?.close(); });

    test("postcode to results to agency to shortlist, kept across reload and shared by link", async () => {
      const { page, errors } = await openApp(browser.context, server.url);
      await screenshotChecked(page, `${size}-start`);
      await typeInto(page, "postcode", "B13 9AB");
      await scrollIntoView(page, "find_care");
      await clickItem(page, "find_care");
      // Results first come at the postcode sector's centre, then again once the B area's postcodes arrive.
      let s = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit");
      assert.equal(s.location.postcode, "B13 9AB");
      assert.ok(s.search.total > 0, JSON.stringify(s.search));
      assert.match(s.search.summary, /agenc(y|ies) within 5 miles of B13 9AB/);
      // Birmingham and Solihull is complete in the data: every listed agency is really within 5 miles.
      for (const r of s.search.results) assert.ok(r.miles <= 5, JSON.stringify(r));
      await screenshotChecked(page, `${size}-results`);

      const first = s.search.results[0];
      await scrollIntoView(page, `add.${first.id}`);
      await clickItem(page, `add.${first.id}`);
      s = await waitForState(page, (st) => st.shortlist.includes(first.id));
      await scrollIntoView(page, `result.${first.id}`);
      await clickItem(page, `result.${first.id}`);
      s = await waitForState(page, (st) => st.screen === "agency");
      assert.equal(s.agency.id, first.id);
      assert.equal(s.agency.name, first.name);
      await screenshotChecked(page, `${size}-agency`);

      // Reload without the query: the shortlist comes back from storage.
      await page.goto(server.url);
      await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true);
      s = await state(page);
      assert.deepEqual(s.shortlist, [first.id]);

      // The share link (the address bar after a search) reproduces the search and shortlist elsewhere.
      await typeInto(page, "postcode", "B13 9AB");
      await clickItem(page, "find_care");
      const searched = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit");
      const link = page.url();
      assert.match(link, /pc=B13%209AB/);
      assert.match(link, new RegExp(`sl=${first.id}`));
      const other = await launchBrowser({ phone: size === "phone", pixelRatio: BEHAVIOUR_PIXEL_RATIO });
      try {
        const { page: p2 } = await openApp(other.context, link);
        const shared = await waitForState(p2, (st) => st.screen === "results" && st.location.precision === "unit");
        assert.deepEqual(shared.shortlist, [first.id]);
        assert.equal(shared.search.total, searched.search.total);
        assert.deepEqual(shared.search.results.map((r) => r.id), searched.search.results.map((r) => r.id));
      } finally {
        await other.close();
      }
      assert.deepEqual(errors, []);
    });

    test("a postcode that does not exist gets a plain message next to the box", async () => {
      const { page } = await openApp(browser.context, server.url);
      await typeInto(page, "postcode", "B99 9ZZ");
      await clickItem(page, "find_care");
      const drawn = (st) => st.ui.items.some((i) => i.role === "alert" && /B99 9ZZ/.test(i.label));
      const s = await waitForState(page, (st) => st.location.ok === false && drawn(st));
      assert.equal(s.screen, "start");
      assert.match(s.message, /can't find B99 9ZZ/);
      await screenshotChecked(page, `${size}-unknown-postcode`);
    });
  });
}
