// tests/browser/kiosk.test.mjs — kiosk mode's idle reset: a visible countdown, input carries on, and after the
// countdown every trace of the session is gone (storage, address, shortlist).
// Depends on: tests/browser/lib/harness.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, startServer, state, waitForState } from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

async function searchAndShortlist(page) {
  await searchByMirror(page, "B13 9AB");
  await page.getByRole("button", { name: "Add to shortlist" }).first().press("Enter");
  return waitForState(page, (st) => st.shortlist.length === 1);
}

test("after the idle time a countdown shows, then the kiosk forgets everything", async () => {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url + "?kiosk=1&idle=10");
    assert.equal((await state(page)).kiosk, true);
    assert.equal(await page.evaluate(() => window.hcfKiosk.idleSeconds), 10);
    await searchAndShortlist(page);
    const entries = await page.evaluate(() => history.length);
    const before = await page.evaluate(() => localStorage.getItem("hcf.state"));
    assert.match(before, new RegExp((await state(page)).shortlist[0]));
    assert.match(page.url(), /pc=B13%209AB&sl=/);  // the app put the search in the address
    assert.match(page.url(), /kiosk=1&idle=10/); // and kept the kiosk's settings in it

    const dialog = page.getByRole("alertdialog", { name: "Are you still there?" });
    await dialog.waitFor({ state: "visible", timeout: 15000 });
    assert.match(await dialog.textContent(), /This screen will reset in \d+ seconds?\. Touch the screen to carry on\./);
    await page.waitForEvent("load", { timeout: 20000 });
    await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
    const s = await state(page);
    assert.deepEqual(s.shortlist, []);
    assert.equal(s.screen, "start");
    // Reloaded at the bare kiosk address (the app then rewrites it to its own "?kiosk=1"): no search, no list.
    assert.equal(await page.evaluate(() => window.hcfKiosk.idleSeconds), 10);
    assert.doesNotMatch(page.url(), /pc=|sl=/);
    assert.match(page.url(), /kiosk=1/);
    // Nothing of the last person is left, and the app stores nothing until someone saves something.
    const left = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    assert.deepEqual(left, {});
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.evaluate(() => history.length), entries); // the reset added no history entry
  } finally {
    await browser.close();
  }
});

test("touching the screen during the countdown carries on; a bad idle time means the default", async () => {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url + "?kiosk=1&idle=10");
    await searchAndShortlist(page);
    const dialog = page.getByRole("alertdialog", { name: "Are you still there?" });
    await dialog.waitFor({ state: "visible", timeout: 15000 });
    await page.mouse.click(10, 400);
    await dialog.waitFor({ state: "hidden" });
    // A touch also takes the kiosk full screen (browsers allow it only after one).
    await page.waitForFunction(() => document.fullscreenElement === document.documentElement);
    assert.equal((await state(page)).shortlist.length, 1);
    assert.ok(await page.evaluate(() => localStorage.length) > 0);

    for (const bad of ["5", "99999", "abc", "12.5"]) {
      await page.goto(server.url + `?kiosk=1&idle=${bad}`);
      assert.equal(await page.evaluate(() => window.hcfKiosk.idleSeconds), 120, bad);
    }
  } finally {
    await browser.close();
  }
});
