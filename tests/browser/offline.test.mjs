// tests/browser/offline.test.mjs — the service worker: after one visit (with a search) the app reloads and
// searches with the network off; kiosk mode caches every data file; a cache is named by its release.
// Depends on: tests/browser/lib/harness.mjs, a built dist/ with web/sw.js.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, launchBrowser, openApp, releaseOf, releasePath, startServer, waitForAsync } from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

const manifest = JSON.parse(readFileSync(join(DIST, releasePath(), "data", "manifest.json"), "utf8"));

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const search = searchByMirror;

test("after one visit, the app reloads and searches with the network off", async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    const status = await page.evaluate(() => window.hcf.offline.ready);
    assert.equal(status.complete, true, JSON.stringify(status));
    assert.equal(status.version, manifest.dataset_version);
    assert.equal(status.release, releaseOf());
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`hcf-r-${releaseOf()}`]);
    const online = await search(page, "B13 9AB");
    // The searched district's postcodes were kept as they came in.
    await waitForAsync(page, async (at) => !!(await caches.match(at + "data/postcodes/B13.txt")), releasePath());

    await browser.context.setOffline(true);
    await page.goto(server.url);
    await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
    const offline = await search(page, "B13 9AB");
    assert.equal(offline.search.total, online.search.total);
    assert.deepEqual(offline.search.results.map((r) => r.id), online.search.results.map((r) => r.id));
    // Offline, the results say how old the information is (the CQC edition in the manifest).
    const [y, m, d] = manifest.cqc_edition.split("-").map(Number);
    // Sources dated only in words say so ("; the 33 London boroughs: first half of 2026").
    const inWords = manifest.sources
      .filter((s) => s.edition_words && s.coverage_words)
      .map((s) => `; ${s.coverage_words}: ${s.edition_words}`)
      .join("");
    const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
    const dated = `Information dated ${d} ${month} ${y} (CQC register${inWords}).`;
    assert.equal(offline.dataDated, dated);
    await page.waitForFunction((t) => window.hcf.state().ui.items.some((i) => i.label === t), dated);
    assert.deepEqual(errors, []);
  } finally {
    await browser.context.setOffline(false).catch(() => {});
    await browser.close();
  }
});

test("kiosk mode caches every district's postcodes and every details file", async () => {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url + "?kiosk=1");
    const status = await page.evaluate(() => window.hcf.offline.ready);
    assert.equal(status.kiosk, true, JSON.stringify(status));
    // Every data file the manifest lists: a kiosk keeps each area's whole postcode file (104, not 2,451
    // district files) and its worker cuts a district out of it when the page asks.
    const areas = readdirSync(join(DIST, releasePath(), "data", "postcode-areas")).filter((f) => f.endsWith(".txt"));
    assert.equal(areas.length, manifest.files.filter((f) => f.kind === "postcodes").length);
    assert.equal(status.total, manifest.files.length);
    assert.equal(status.cached, manifest.files.length, JSON.stringify(status));
    // Offline, an area never searched before still works.
    await browser.context.setOffline(true);
    await page.goto(server.url + "?kiosk=1");
    await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
    const s = await search(page, "B91 3QB"); // waits for the postcode itself: B91 cut from the kept B file
    assert.match(s.search.summary, /B91 3QB/);
    assert.equal(s.location.precision, "unit");
  } finally {
    await browser.context.setOffline(false).catch(() => {});
    await browser.close();
  }
});
