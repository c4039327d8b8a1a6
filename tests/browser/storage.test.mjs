// tests/browser/storage.test.mjs — storage that tells the truth (issue 16, items 6 and 7): a write that does
// not stick is said where the app would say "kept on this device"; one bad saved entry keeps the good ones;
// a newer format (version 2) is kept untouched.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, startServer, waitForState } from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const ID = "1-469910143"; // an agency in Birmingham

test("storage that refuses every write: the app knows the shortlist is not kept", async () => {
  const browser = await launchBrowser();
  try {
    await browser.context.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
    });
    const { page } = await openApp(browser.context, server.url + "?sl=" + ID);
    const s = await waitForState(page, (st) => st.shortlist.includes(ID) && st.storage.kept === false);
    assert.equal(s.storage.kept, false);
  } finally {
    await browser.close();
  }
});

test("one bad saved entry keeps the good ones and says what was dropped", async () => {
  const browser = await launchBrowser();
  try {
    await browser.context.addInitScript((id) => {
      if (!sessionStorage.getItem("seeded")) {
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem("hcf.state", JSON.stringify({ version: 1, shortlist: [id, "<script>"] }));
      }
    }, ID);
    const { page } = await openApp(browser.context, server.url);
    const s = await waitForState(page, (st) => st.shortlist.includes(ID));
    assert.deepEqual(s.shortlist, [ID]);
    assert.match(s.notice, /One saved agency could not be read/);
  } finally {
    await browser.close();
  }
});

test("a saved state of a newer version (2) is never overwritten", async () => {
  const browser = await launchBrowser();
  const saved = JSON.stringify({ version: 2, lists: [{ name: "Mum", ids: [ID] }] });
  try {
    await browser.context.addInitScript((v) => {
      if (!sessionStorage.getItem("seeded")) {
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem("hcf.state", v);
      }
    }, saved);
    const { page } = await openApp(browser.context, server.url);
    await page.evaluate((id) => window.hcf.activate("add." + id), ID).catch(() => {});
    await page.goto(server.url + "?sl=" + ID);
    const s = await waitForState(page, (st) => st.ready && st.storage.newer === true);
    assert.match(s.notice, /newer version/);
    assert.equal(await page.evaluate(() => localStorage.getItem("hcf.state")), saved);
  } finally {
    await browser.close();
  }
});
