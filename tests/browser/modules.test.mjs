// tests/browser/modules.test.mjs — the parts loaded only when used (web/modules.js): a resident's visit loads
// neither the updater nor the QR module; an updater that cannot be downloaded gives a plain message and "Try
// again", which then updates; a kiosk loads the QR module at start, and one it could not load says so and
// tries again. Depends on: tests/browser/lib/harness.mjs, tests/data/update/ (the October fixture).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, clickItem, launchBrowser, openApp, scrollIntoView, settled, startServer, waitForState } from "./lib/harness.mjs";

const GOOD = join(ROOT, "tests", "data", "update", "01_October_2026_homecare_locations.csv");
let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());
const hasItem = (s, id) => s.ui.items.some((i) => i.id === id);
const item = (s, id) => s.ui.items.find((i) => i.id === id);

// Every request the page makes for one of the modules.
function moduleRequests(context) {
  const seen = [];
  // The page's own requests: a kiosk's service worker keeps every file of the release, modules included.
  context.on("request", (r) => {
    if (/\/modules\//.test(r.url()) && !r.serviceWorker()) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

test("a visit that neither updates nor shows a QR code downloads neither module", async () => {
  const browser = await launchBrowser();
  try {
    const seen = moduleRequests(browser.context);
    const { page, errors } = await openApp(browser.context, server.url + "?s=about");
    await waitForState(page, (st) => st.screen === "about" && hasItem(st, "update_choose"));
    await settled(page);
    assert.deepEqual(seen, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("an updater that cannot be downloaded: a plain message and Try again, which then updates", async () => {
  const browser = await launchBrowser();
  try {
    let blocked = true;
    await browser.context.route("**/modules/updater.wasm", (route) => (blocked ? route.abort() : route.continue()));
    const { page } = await openApp(browser.context, server.url + "?s=about");
    await waitForState(page, (st) => st.screen === "about" && hasItem(st, "update_choose"));
    await scrollIntoView(page, "update_choose");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, "update_choose")]);
    await chooser.setFiles(GOOD);
    let s = await waitForState(page, (st) => hasItem(st, "update_retry"), { timeout: 20000 });
    assert.equal(item(s, "update_error").role, "alert");
    assert.match(item(s, "update_error").label, /could not be downloaded\. Check your internet connection, then try again\./);
    assert.equal(s.data.source, "bundled"); // nothing changed
    blocked = false;
    await scrollIntoView(page, "update_retry");
    await clickItem(page, "update_retry");
    s = await waitForState(page, (st) => st.data && st.data.source === "updated", { timeout: 30000 });
    assert.equal(s.data.edition, "2026-10-01");
    assert.equal(item(s, "update_status").label, "Updated to CQC data of 1 October 2026: 12 agencies.");
    assert.ok(!hasItem(s, "update_retry"));
  } finally {
    await browser.close();
  }
});

// A kiosk's shortlist with the first agency found for B13 9AB.
async function kioskShortlist(page) {
  await page.evaluate(() => { window.hcf.setText("postcode", "B13 9AB"); });
  await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
  await page.evaluate(() => window.hcf.activate("find_care"));
  const s = await waitForState(page, (st) => st.screen === "results" && st.search.results.length > 0);
  await page.goto(server.url + "?kiosk=1&s=shortlist&sl=" + encodeURIComponent(s.search.results[0].id));
}

test("a kiosk loads the QR module at start, and its QR code is drawn", async () => {
  const browser = await launchBrowser();
  try {
    const seen = moduleRequests(browser.context);
    const { page } = await openApp(browser.context, server.url + "?kiosk=1");
    await settled(page);
    assert.ok(seen.some((p) => p.endsWith("/modules/qr.wasm")), seen.join(" "));
    assert.ok(!seen.some((p) => /updater/.test(p)), seen.join(" "));
    await kioskShortlist(page);
    const s = await waitForState(page, (st) => st.screen === "shortlist" && hasItem(st, "share_qr"), { timeout: 20000 });
    assert.equal(item(s, "share_qr").role, "img");
  } finally {
    await browser.close();
  }
});

test("an offline kiosk still draws its QR code: the module is in the offline copy", async () => {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url + "?kiosk=1");
    const status = await page.evaluate(() => window.hcf.offline.ready); // every file of the release kept
    assert.equal(status.kiosk, true, JSON.stringify(status));
    const kept = await page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(r.url);
      return names.filter((u) => /\/modules\//.test(u)).map((u) => u.replace(/^.*\/modules\//, "")).sort();
    });
    assert.deepEqual(kept, ["qr.js", "qr.wasm", "updater.js", "updater.wasm"]);
    await browser.context.setOffline(true);
    await page.goto(server.url + "?kiosk=1");
    await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
    await kioskShortlist(page);
    const s = await waitForState(page, (st) => st.screen === "shortlist" && hasItem(st, "share_qr"), { timeout: 20000 });
    assert.equal(item(s, "share_qr").role, "img");
  } finally {
    await browser.context.setOffline(false).catch(() => {});
    await browser.close();
  }
});

test("a kiosk that could not load the QR module says so, and Try again draws the code", async () => {
  const browser = await launchBrowser();
  try {
    let blocked = true;
    await browser.context.route("**/modules/qr.wasm", (route) => (blocked ? route.abort() : route.continue()));
    const { page } = await openApp(browser.context, server.url + "?kiosk=1");
    await kioskShortlist(page);
    let s = await waitForState(page, (st) => st.screen === "shortlist" && hasItem(st, "share_qr_retry"), { timeout: 20000 });
    assert.equal(item(s, "share_qr_error").role, "alert");
    assert.match(item(s, "share_qr_error").label, /QR code could not be made/);
    assert.ok(!hasItem(s, "share_qr"));
    blocked = false;
    await page.evaluate(() => window.hcf.activate("share_qr_retry"));
    s = await waitForState(page, (st) => hasItem(st, "share_qr"), { timeout: 20000 });
    assert.equal(item(s, "share_qr").role, "img");
  } finally {
    await browser.close();
  }
});
