// tests/browser/districts.test.mjs — a full postcode is placed from its district's postcodes (postcodes/B13.txt,
// a few KB), fetched while the rest is typed, never from the whole area's file (B.txt was 723 KB).
// Depends on: tests/browser/lib/harness.mjs, a built dist/ (scripts/split-postcodes.mjs made its district files).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, startServer, waitForState } from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// The postcode files the page asks for, in order: [{ name, request }] ("B13.txt").
function watchPostcodeFiles(page) {
  const asked = [];
  page.on("request", (r) => {
    const m = r.url().match(/\/data\/postcodes\/([^/?#]+)$/);
    if (m) asked.push({ name: m[1], request: r });
  });
  return asked;
}

test("typing a full postcode fetches its district's postcodes before Enter, and only those", async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    const asked = watchPostcodeFiles(page);
    const box = page.getByRole("textbox", { name: /postcode/i });
    await box.focus();
    // "B1" could still become B13 or B14: nothing is fetched until the district is certain.
    await box.pressSequentially("B1");
    // Listen before the keys that fix the district: the request can go out before the key press returns.
    const prefetched = page.waitForRequest(/\/data\/postcodes\/B13\.txt$/, { timeout: 10000 });
    await box.pressSequentially("3 ");
    const prefetch = await prefetched;
    await box.pressSequentially("9AB");
    await box.press("Enter");
    const s = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit",
                                 { timeout: 20000 });
    assert.equal(s.location.postcode, "B13 9AB");
    assert.deepEqual(asked.map((a) => a.name), ["B13.txt"]);
    const response = await prefetch.response();
    assert.equal(response.status(), 200);
    const bytes = (await response.body()).length;
    assert.ok(bytes > 1000 && bytes < 60000, `B13.txt is ${bytes} bytes`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("a postcode pasted whole and searched at once is placed exactly, in other areas too", async () => {
  const browser = await launchBrowser();
  try {
    for (const [postcode, file] of [["E4 7AA", "E4.txt"], ["HR4 9AB", "HR4.txt"]]) {
      const { page, errors } = await openApp(browser.context, server.url);
      const asked = watchPostcodeFiles(page);
      await page.getByRole("textbox", { name: /postcode/i }).fill(postcode);
      await page.getByRole("button", { name: "Find care" }).press("Enter");
      const s = await waitForState(page, (st) => st.screen === "results" && st.location.precision === "unit",
                                   { timeout: 20000 });
      assert.equal(s.location.postcode, postcode);
      assert.deepEqual(asked.map((a) => a.name), [file]);
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
