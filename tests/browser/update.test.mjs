// tests/browser/update.test.mjs — "Update the data" in real Chromium: CQC files chosen with the file picker (and
// dropped on the page) are compiled in the browser, kept across reloads (IndexedDB) and searched; a damaged file
// is refused with its name and line and changes nothing; the kiosk reset and "Clear my information" keep the
// owner's data; "Restore the bundled data" brings the bundled data back; the updated data works offline.
// Depends on: tests/browser/lib/harness.mjs, tests/browser/lib/mirror.mjs, tests/data/update/ (see its README).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ROOT, clickItem, launchBrowser, openApp, releasePath, screenshotChecked, scrollIntoView, startServer, state,
  waitForAsync, waitForState,
} from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

const FIXTURES = join(ROOT, "tests", "data", "update");
const GOOD = join(FIXTURES, "01_October_2026_homecare_locations.csv");
const CUT = join(FIXTURES, "01_October_2026_cut_short.csv");
// The 12 location ids in the good fixture (column 1, after the header).
const IDS = readFileSync(GOOD, "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
const DONE = "Updated to CQC data of 1 October 2026: 12 agencies.";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const ready = (page) => page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null,
                                             { timeout: 30000 });
const hasItem = (s, id) => s.ui.items.some((i) => i.id === id);

test("owner updates the data in the browser, it is kept across reloads, a bad file changes nothing, restore undoes it",
     async () => {
  assert.equal(IDS.length, 12);
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?s=about");
    let s = await waitForState(page, (st) => st.screen === "about" && hasItem(st, "update_choose"));
    const bundled = s.data;
    assert.equal(bundled.source, "bundled");
    assert.equal(bundled.edition, "2026-09-01");
    assert.ok(bundled.agencies > 12, JSON.stringify(bundled));
    assert.ok(!hasItem(s, "update_restore")); // nothing to restore yet
    assert.match(s.ui.items.find((i) => i.id === "data_source").label, /using the data it came with/);
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    assert.deepEqual(await databases(), []); // nothing is stored until an update is saved

    // 1. "Choose files" opens the browser's file picker; the file is compiled with a progress bar.
    // The district postcode files it fetches (B1, B13, B14) are held back until the progress has been seen
    // (and photographed) mid-way.
    let letThrough;
    const photo = new Promise((r) => { letThrough = r; });
    await browser.context.route(/\/data\/postcodes\/B1\d?\.txt$/, async (route) => {
      await photo;
      await route.continue();
    });
    await scrollIntoView(page, "update_choose");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, "update_choose")]);
    assert.equal(chooser.isMultiple(), true);
    await chooser.setFiles(GOOD);
    // The files are read in JavaScript before the app starts on them.
    await waitForState(page, (st) => st.update.active || st.update.message !== "");
    const seen = new Set();
    let photographed = false;
    const start = Date.now();
    for (;;) {
      s = await state(page);
      if (!s.update.active) break;
      seen.add(s.update.words);
      if (!photographed && /^Step 2 of 4/.test(s.update.words) && hasItem(s, "update_status")) {
        // The page cannot settle while the files are held: the status must be in view as drawn.
        const height = page.viewportSize().height;
        await waitForState(page, (st) => st.ui.items.some((i) => i.id === "update_status" && i.y >= 0 &&
                                                               i.y + i.h <= height));
        await screenshotChecked(page, "update-progress");
        photographed = true;
        letThrough();
      }
      assert.ok(Date.now() - start < 30000, "the update never finished: " + JSON.stringify(s.update));
      const words = s.update.words;
      await waitForState(page, (st) => !st.update.active || st.update.words !== words ||
                                       (!photographed && /^Step 2 of 4/.test(st.update.words) && hasItem(st, "update_status")),
                         { timeout: 30000 });
    }
    assert.ok(photographed, [...seen].join(" | "));
    assert.equal(s.update.failed, false, s.update.message);
    assert.equal(s.update.message, DONE);
    assert.ok([...seen].some((w) => /^Step 2 of 4: fetching postcodes, district 1 of [1-9]\d*$/.test(w)), [...seen].join(" | "));
    s = await waitForState(page, (st) => st.data && st.data.source === "updated" && hasItem(st, "update_restore"));
    assert.equal(s.data.edition, "2026-10-01");
    assert.equal(s.data.agencies, 12);
    assert.deepEqual(s.data.files, ["01_October_2026_homecare_locations.csv"]);
    assert.equal(s.screen, "about");
    assert.equal(s.ui.items.find((i) => i.id === "update_status").label, DONE);
    assert.equal(s.ui.items.find((i) => i.id === "update_status").role, "status");
    await page.waitForFunction((t) => document.getElementById("hcf-live").textContent.includes(t), DONE);
    assert.match(s.ui.items.find((i) => i.id === "data_source").label, /using data its owner updated on /);
    await scrollIntoView(page, "update_status");
    await screenshotChecked(page, "update-done");

    // 2. A search finds the agencies of the new data.
    await clickItem(page, "home");
    await waitForState(page, (st) => st.screen === "start");
    s = await searchByMirror(page, "B13 9AB");
    s = await waitForState(page, (st) => st.location.precision === "unit" && st.search.total > 0);
    assert.equal(s.search.total, 12, JSON.stringify(s.search.summary));
    assert.deepEqual(s.search.results.map((r) => r.id).sort(), [...IDS].sort());

    // 3. Kept across a reload (served from IndexedDB, not the network).
    await page.goto(server.url + "?s=about");
    await ready(page);
    s = await waitForState(page, (st) => st.data && st.data.source === "updated");
    assert.equal(s.data.edition, "2026-10-01");
    assert.equal(s.data.agencies, 12);

    // 4. A damaged file: the error names the file and line, and the data in use does not change.
    await waitForState(page, (st) => hasItem(st, "update_choose"));
    await page.setInputFiles("#hcf-update-files", CUT);
    s = await waitForState(page, (st) => st.update.failed === true, { timeout: 20000 });
    const cutError = "01_October_2026_cut_short.csv, line 13: a quoted value starts here and is never closed, " +
                     "so the file looks cut short or damaged.";
    assert.equal(s.update.message, cutError);
    s = await waitForState(page, (st) => hasItem(st, "update_error"));
    assert.equal(s.ui.items.find((i) => i.id === "update_error").role, "alert");
    assert.equal(s.data.source, "updated");
    assert.equal(s.data.edition, "2026-10-01");
    assert.equal(s.data.agencies, 12);
    await scrollIntoView(page, "update_error");
    await screenshotChecked(page, "update-error");
    await page.goto(server.url + "?s=about");
    await ready(page);
    s = await waitForState(page, (st) => st.data && st.data.source === "updated");
    assert.equal(s.data.agencies, 12);

    // 5. Drag and drop anywhere on the page does the same as the picker.
    const text = readFileSync(GOOD, "utf8");
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], "01_October_2026_homecare_locations.csv", { type: "text/csv" }));
      const canvas = document.getElementById("canvas");
      canvas.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    s = await waitForState(page, (st) => !st.update.active && st.update.message === DONE, { timeout: 20000 });
    assert.equal(s.update.failed, false);
    assert.equal(s.data.agencies, 12);

    // 6. "Clear my information" and the kiosk reset clear the person's traces, not the owner's data.
    await clickItem(page, "settings");
    await waitForState(page, (st) => st.screen === "settings" && hasItem(st, "clear"));
    await page.evaluate(() => window.hcf.activate("clear"));
    await waitForState(page, (st) => hasItem(st, "clear_confirm"));
    await page.evaluate(() => window.hcf.activate("clear_confirm"));
    await waitForState(page, (st) => hasItem(st, "cleared"));
    await page.goto(server.url);
    await ready(page);
    assert.equal((await state(page)).data.source, "updated");
    await page.goto(server.url + "?kiosk=1&s=about");
    await ready(page);
    s = await waitForState(page, (st) => st.screen === "about" && hasItem(st, "data_source"));
    assert.equal(s.data.source, "updated"); // the kiosk shows the owner's data...
    assert.ok(!hasItem(s, "update_choose") && !hasItem(s, "update_restore")); // ...and no update controls
    const reloaded = page.waitForEvent("load");
    await page.evaluate(() => { setTimeout(() => window.hcfKiosk.reset(), 50); });
    await reloaded;
    await ready(page);
    assert.equal((await state(page)).data.source, "updated");

    // 7. "Restore the bundled data" brings back the bundled data, also after a reload.
    await page.goto(server.url + "?s=about");
    await ready(page);
    await waitForState(page, (st) => hasItem(st, "update_restore"));
    await scrollIntoView(page, "update_restore");
    await clickItem(page, "update_restore");
    s = await waitForState(page, (st) => st.data && st.data.source === "bundled" && st.update.message !== "");
    assert.equal(s.data.agencies, bundled.agencies);
    assert.equal(s.data.edition, bundled.edition);
    assert.equal(s.update.message, `The data that came with this service is back in use: CQC data of 1 September ` +
                                   `2026, ${bundled.agencies.toLocaleString("en-GB")} agencies.`);
    await page.goto(server.url + "?s=about");
    await ready(page);
    s = await waitForState(page, (st) => st.data && st.data.source === "bundled" && hasItem(st, "update_choose"));
    assert.equal(s.data.agencies, bundled.agencies);
    assert.ok(!hasItem(s, "update_restore"));
    assert.equal(await page.evaluate(() => window.hcf.update.kept()), null);
    assert.deepEqual(await databases(), []); // restoring deletes the database
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("the updated data is used offline too", async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?s=about");
    const offline = await page.evaluate(() => window.hcf.offline.ready);
    assert.equal(offline.complete, true, JSON.stringify(offline));
    await waitForState(page, (st) => hasItem(st, "update_choose"));
    await page.setInputFiles("#hcf-update-files", GOOD);
    await waitForState(page, (st) => !st.update.active && st.update.message === DONE, { timeout: 20000 });
    // The postcode files the update fetched went through the offline copy's worker and were kept.
    await waitForAsync(page, async (at) => !!(await caches.match(at + "data/postcodes/B13.txt")), releasePath());

    await browser.context.setOffline(true);
    await page.goto(server.url);
    await ready(page);
    const s = await searchByMirror(page, "B13 9AB");
    assert.equal(s.data.source, "updated");
    assert.equal(s.data.edition, "2026-10-01");
    const found = await waitForState(page, (st) => st.location.precision === "unit" && st.search.total > 0);
    assert.deepEqual(found.search.results.map((r) => r.id).sort(), [...IDS].sort());
    assert.deepEqual(errors, []);
  } finally {
    await browser.context.setOffline(false).catch(() => {});
    await browser.close();
  }
});
