// tests/browser/kiosk-address.test.mjs — one reader of ?kiosk= (the app's) decides, and the page follows it:
// ?kiosk=true and ?kiosk=0&kiosk=1 get the idle reset like ?kiosk=1 (issue 16, item 10); a kiosk puts no one's
// postcode, agency or shortlist into its address, so none of it enters the browser's history (item 11).
// Depends on: tests/browser/lib/harness.mjs, lib/mirror.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, openApp, startServer, state, waitForState } from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// Every address the page was given or gave itself (pushState and replaceState are noted as they happen).
const NOTE_ADDRESSES = () => {
  window.__addresses = [location.href];
  window.__entries = history.length;
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name].bind(history);
    history[name] = (data, title, address) => {
      window.__addresses.push(String(new URL(address ?? location.href, location.href)));
      return original(data, title, address);
    };
  }
};

async function searchShortlistAndPrint(page) {
  const s = await searchByMirror(page, "B13 9AB");
  await page.getByRole("button", { name: "Add to shortlist" }).first().press("Enter");
  await waitForState(page, (st) => st.shortlist.length === 1);
  await clickItem(page, "shortlist");
  await waitForState(page, (st) => st.screen === "shortlist" && st.ui.items.some((i) => i.id === "print"));
  await clickItem(page, "print");
  await page.waitForFunction(() => document.getElementById("hcf-print"));
  return s;
}

for (const query of ["?kiosk=true&idle=10", "?kiosk=0&kiosk=1&idle=10"]) {
  test(`${query}: a kiosk with its idle reset, as the app reads the address`, async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openApp(browser.context, server.url + query);
      assert.equal((await state(page)).kiosk, true);
      await page.waitForFunction(() => window.hcfKiosk);
      assert.equal(await page.evaluate(() => window.hcfKiosk.idleSeconds), 10);
      await searchShortlistAndPrint(page);
      const dialog = page.getByRole("alertdialog", { name: "Are you still there?" });
      await dialog.waitFor({ state: "visible", timeout: 15000 });
      await page.waitForEvent("load", { timeout: 20000 });
      const s = await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
      // The next person finds nothing of the last: no postcode, no shortlist, no print frame, nothing stored.
      assert.equal(s.input, "");
      assert.deepEqual(s.shortlist, []);
      assert.equal(s.kiosk, true);
      assert.equal(await page.evaluate(() => document.getElementById("hcf-print")), null);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    } finally {
      await browser.close();
    }
  });
}

test("a kiosk's address holds no one's postcode, agency or shortlist; elsewhere the address keeps them", async () => {
  const found = {};
  for (const kiosk of [true, false]) {
    const browser = await launchBrowser();
    try {
      await browser.context.addInitScript(NOTE_ADDRESSES);
      const { page } = await openApp(browser.context, server.url + (kiosk ? "?kiosk=1&idle=600" : ""));
      const s = await searchByMirror(page, "B13 9AB");
      await clickItem(page, "result." + s.search.results[0].id);
      await waitForState(page, (st) => st.screen === "agency");
      await page.getByRole("button", { name: "Add to shortlist" }).first().press("Enter");
      // (the app rewrites the address in the frame that publishes this state)
      await waitForState(page, (st) => st.shortlist.length === 1);
      found[kiosk ? "kiosk" : "web"] = await page.evaluate(() => ({ addresses: window.__addresses,
                                                                     added: history.length - window.__entries }));
    } finally {
      await browser.close();
    }
  }
  for (const address of found.kiosk.addresses) {
    assert.doesNotMatch(address, /[?&](pc|sl|a|s|help|r)=/, address);
    assert.match(address, /\?kiosk=1&idle=600$/, address);
  }
  assert.equal(found.kiosk.added, 0); // nothing was pushed into the kiosk's history
  // The check can fail: outside kiosk mode the same journey is kept in the address, for reloads and links.
  assert.ok(found.web.addresses.some((a) => /pc=B13%209AB/.test(a) && /sl=1-/.test(a)), found.web.addresses.join("\n"));
});
