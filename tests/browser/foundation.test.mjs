// tests/browser/foundation.test.mjs — the first screen in real Chromium: ready, type a postcode
// district with the keyboard, press Enter, read the exported state, check the canvas is not blank.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, openApp, screenshotChecked, startServer, waitForState } from "./lib/harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

test("typing a postcode district and pressing Enter says where it is", async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await clickItem(page, "postcode");
  await page.keyboard.type("hr4");
  await page.keyboard.press("Enter");
  const s = await waitForState(page, (st) => st.message !== "");
  assert.equal(s.input, "HR4"); // the box shows postcodes in capitals as they are typed
  assert.equal(s.location.ok, true, JSON.stringify(s));
  assert.equal(s.location.postcode, "HR4");
  assert.match(s.message, /HR4/);
  // HR4 is Hereford and the land north-west of it: its centroid is near 52.1 N, 2.8 W.
  assert.ok(Math.abs(s.location.lat - 52.1) < 0.2 && Math.abs(s.location.lng + 2.8) < 0.3, JSON.stringify(s.location));
  await screenshotChecked(page, "foundation-hr4");
  assert.deepEqual(errors, []);
});

test("a mistyped postcode gets a plain message, not a crash", async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await clickItem(page, "postcode");
  await page.keyboard.type("12345");
  await clickItem(page, "find_care");
  const s = await waitForState(page, (st) => st.message !== "");
  assert.equal(s.location.ok, false);
  assert.match(s.message, /postcode/i);
  await screenshotChecked(page, "foundation-bad-postcode");
  assert.deepEqual(errors, []);
});
