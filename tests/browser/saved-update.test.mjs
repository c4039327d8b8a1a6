// tests/browser/saved-update.test.mjs — a damaged "Update the data" kept in IndexedDB never stops the app
// (issue 16, item 8): a complete marker with no files, a database with no store, or a manifest that is not JSON
// is set aside, the data that came with the service is used and the owner is told; and when the kept update
// stops the data loading, the About screen still offers "Restore the bundled data", which brings it back.
// Depends on: tests/browser/lib/harness.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, openApp, startServer, waitForState } from "./lib/harness.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// Writes a saved update as web/update.js would have, damaged as asked: entries [key, value], where a value
// {text} is stored as that text's bytes. store: false makes the database without its store of files.
const SAVE = async ({ store, entries }) => {
  await new Promise((resolve, reject) => {
    const open = indexedDB.open("hcf-data", 1);
    open.onupgradeneeded = () => { if (store) open.result.createObjectStore("files"); };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!store) { db.close(); return resolve(); }
      const tx = db.transaction("files", "readwrite");
      for (const [key, value] of entries)
        tx.objectStore("files").put(value.text !== undefined ? new TextEncoder().encode(value.text).buffer : value, key);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
};
const marker = (files) => ["__complete__", { on: "2026-10-02T10:00:00.000Z", files }];
const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

const DAMAGED = [
  ["a complete marker with no files", { store: true, entries: [marker(["manifest.json", "bundle.bin"])] }],
  ["a database with no store of files", { store: false, entries: [] }],
  ["a manifest that is not JSON", { store: true, entries: [marker(["manifest.json", "bundle.bin"]),
                                                           ["manifest.json", { text: "{\"files\": [ garbage" }],
                                                           ["bundle.bin", { text: "HCFD not really" }]] }],
];

for (const [what, saved] of DAMAGED) {
  test(`${what}: set aside, the bundled data used, the owner told`, async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openApp(browser.context, server.url + "?s=about");
      await page.evaluate(SAVE, saved);
      assert.deepEqual(await databases(page), ["hcf-data"]);
      await page.reload();
      const s = await waitForState(page, (st) => st.ready === true && st.notice !== "", { timeout: 30000 });
      assert.equal(s.data.source, "bundled");
      assert.equal(s.loadError, "");
      assert.match(s.notice, /^The updated information saved in this browser could not be read, so it has been removed\./);
      // The About screen says it too, and the browser no longer holds the damaged update.
      const about = await waitForState(page, (st) => st.screen === "about" &&
                                                     st.ui.items.some((i) => i.id === "update_status"));
      assert.equal(about.ui.items.find((i) => i.id === "update_status").label, s.notice);
      assert.deepEqual(await databases(page), []);
    } finally {
      await browser.close();
    }
  });
}

test("an update the app cannot load: the About screen still offers Restore the bundled data", async () => {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url + "?s=about");
    // It reads as a manifest (so it is not set aside), but lists nothing the app can use.
    await page.evaluate(SAVE, { store: true, entries: [marker(["manifest.json", "bundle.bin"]),
                                                       ["manifest.json", { text: "{\"files\": []}" }],
                                                       ["bundle.bin", { text: "HCFD not really" }]] });
    await page.reload();
    let s = await waitForState(page, (st) => st.loadError && st.ui.items.some((i) => i.id === "update_restore"),
                               { timeout: 30000 });
    assert.equal(s.ready, false);
    await clickItem(page, "update_restore");
    s = await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
    assert.equal(s.data.source, "bundled");
    assert.match(s.update.message, /^The data that came with this service is back in use/);
    assert.deepEqual(await databases(page), []);
  } finally {
    await browser.close();
  }
});
