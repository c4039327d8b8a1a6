// tests/browser/london.test.mjs — London complete, honest help elsewhere (issue 12), as a person meets it:
// typing a Chingford postcode, opening an agency, and a Hereford postcode the data does not cover. Acts through
// typing and clicks on the canvas; checks the words the app published for the accessible mirror.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  clickItem, launchBrowser, openApp, screenshotChecked, scrollIntoView, startServer, typeInto, waitForState, BEHAVIOUR_PIXEL_RATIO,
} from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const labels = (st) => st.ui.items.map((i) => i.label);

for (const size of ["desktop", "phone"]) {
  describe(`London and Hereford (${size})`, () => {
    let browser;
    before(async () => { browser = await launchBrowser({ phone: size === "phone", pixelRatio: BEHAVIOUR_PIXEL_RATIO }); });
    after(async () => { await browser?.close(); });

    test("Chingford lists Waltham Forest's agencies with phones, addresses and the five question ratings", async () => {
      const { page, errors } = await openApp(browser.context, server.url + "?sort=rating");
      await typeInto(page, "postcode", "E4 7AA");
      await scrollIntoView(page, "find_care");
      await clickItem(page, "find_care");
      let s = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit");
      assert.ok(s.search.total > 50, s.search.summary); // the council's own paper counts 60 in the borough
      assert.equal(s.councilHelp.name, "Waltham Forest");
      assert.equal(s.councilHelp.complete, true);
      // What our information holds for the council, in words (a phone folds it under "More about this list").
      if (size === "phone") await clickItem(page, "results_more");
      const holdings = /^56 home care agencies in our information \(CQC register, first half of 2026\)/;
      s = await waitForState(page, (st) => labels(st).some((l) => holdings.test(l)));
      await screenshotChecked(page, `${size}-results-chingford`);

      // The best rated agency nearby: open it as a person would.
      const first = s.search.results[0];
      await scrollIntoView(page, `result.${first.id}`);
      await clickItem(page, `result.${first.id}`);
      s = await waitForState(page, (st) => st.screen === "agency" && st.agency && st.agency.detailsLoaded);
      assert.equal(s.agency.id, first.id);
      assert.ok(s.agency.phone, "a phone number");
      assert.ok(s.agency.address, "an address");
      assert.deepEqual(Object.keys(s.agency.keyQuestions).sort(), ["caring", "effective", "responsive", "safe", "wellLed"]);
      assert.equal(s.agency.register, "CQC register, first half of 2026");
      // Label and value together for each question, and the phone as a tel: link (the items are those of the
      // frame drawn after the state changed, so wait for the contact to be drawn).
      s = await waitForState(page, (st) => st.ui.items.some((i) => i.id === "phone"));
      for (const q of ["Safe", "Effective", "Caring", "Responsive", "Well-led"])
        assert.ok(labels(s).some((l) => l.startsWith(`${q}: `)), `${q}: ${JSON.stringify(labels(s))}`);
      const phone = s.ui.items.find((i) => i.id === "phone");
      assert.ok(phone && phone.href.startsWith("tel:"), JSON.stringify(phone));
      assert.ok(labels(s).some((l) => l.startsWith("CQC rating: ")));
      await screenshotChecked(page, `${size}-agency-chingford`);
      assert.deepEqual(errors, []);
    });

    test("Hereford: says first that we do not have Herefordshire's agencies, then the council's own help", async () => {
      const { page, errors } = await openApp(browser.context, server.url);
      await typeInto(page, "postcode", "HR4 9AB");
      await scrollIntoView(page, "find_care");
      await clickItem(page, "find_care");
      let s = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit");
      assert.equal(s.search.total, 0);
      // The items are those of the frame drawn after the state changed: wait for the council's help to be drawn.
      s = await waitForState(page, (st) => st.ui.items.some((i) => i.id === "cqc.search"));
      const title = s.ui.items.find((i) => i.role === "heading" && i.level === 1);
      assert.equal(title.label, "We do not have the agencies in Herefordshire yet.");
      assert.doesNotMatch(s.search.advice, /bigger|wider/);
      assert.equal(s.search.canWiden, false);
      const phone = s.ui.items.find((i) => i.id === "council.phone");
      assert.ok(phone && phone.label.includes("01432 260101") && phone.href === "tel:01432260101", JSON.stringify(phone));
      assert.ok(labels(s).some((l) => l.startsWith("Seen on herefordshiresafeguardingboards.org.uk")));
      assert.ok(s.ui.items.some((i) => i.id === "council.directory" && i.href === "https://www.talkcommunitydirectory.org/"));
      assert.ok(s.ui.items.some((i) => i.id === "cqc.search"));
      await screenshotChecked(page, `${size}-results-hereford`);
      assert.deepEqual(errors, []);
    });
  });
}
