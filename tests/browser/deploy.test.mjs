// tests/browser/deploy.test.mjs — a release is one unit (issue 16, items 1 to 3): a host swaps release v1 for v2
// while a page loads (with a slow index.wasm) and while tabs are open; every page runs one release whole, its
// code and its data, never a "damaged" message; an open tab keeps its release until it reloads; the next load
// takes v2 whole and says "Updated to the information of ..."; v2's newer information replaces an owner's older
// update saved in the browser, and the owner is told.
// Depends on: tests/browser/lib/harness.mjs, lib/faults.mjs (releaseServer), lib/releases.mjs (the two sites),
// lib/mirror.mjs, tests/data/update/ (the owner's CQC file).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, clickItem, launchBrowser, scrollIntoView, state, waitForAsync, waitForState } from "./lib/harness.mjs";
import { releaseServer } from "./lib/faults.mjs";
import { expectedHash, fileHash, makeSite } from "./lib/releases.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

const sites = {};
before(async () => {
  sites.v1 = await makeSite("v1");
  sites.v2 = await makeSite("v2", { edition: "2026-11-01", mark: "release v2" });
  assert.notEqual(sites.v1.release, sites.v2.release);
  assert.notEqual(sites.v1.edition, sites.v2.edition);
});
let server;
after(() => server?.close());
const serve = async (first) => { await server?.close(); server = await releaseServer(sites, first); return server; };

const isWasm = (path) => path.endsWith("/index.wasm");

// Every file the page received (from the network or its service worker), with a hash of what it got.
function watch(page) {
  const seen = [];
  const listener = (response) => {
    const path = new URL(response.url()).pathname.slice(1) || "index.html";
    if (path === "index.html" || path.startsWith("r/"))
      seen.push(response.body().then((b) => ({ path, hash: fileHash(b) }), () => ({ path, hash: null })));
  };
  page.on("response", listener);
  return { files: () => Promise.all(seen), stop: () => page.off("response", listener) };
}

const DAMAGED = /damaged|could not be loaded/i;

// The page runs release `site` whole: the state names it, its data is that release's, and every file the page
// got since `watched` began is that release's own, byte for byte. Nothing says "damaged".
async function assertWhole(page, watched, site) {
  const s = await state(page);
  assert.equal(s.release, site.release, `runs release ${s.release}, not ${site.name}'s`);
  assert.equal(s.data.edition, site.edition);
  for (const text of [s.loadError, s.notice, s.agency?.detailsError || "", ...s.ui.items.map((i) => i.label)])
    assert.doesNotMatch(text, DAMAGED, text);
  const files = await watched.files();
  assert.ok(files.some((f) => isWasm(f.path)), "the page loaded its code");
  for (const f of files) {
    if (f.path.startsWith("r/")) assert.equal(f.path.split("/")[1], site.release, `${f.path} is another release's`);
    const want = expectedHash(site.description, f.path);
    if (want) assert.equal(f.hash, want, `${f.path} is not ${site.name}'s file`);
  }
  return s;
}

async function open(context, url) {
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(url);
  await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
  return { page, watched };
}

// Until the browser's offline copy is release `site`, complete (the worker fetches it in the background).
const keptWhole = (page, site) => waitForAsync(page, async (release) =>
  (await window.hcf.offline.status()).release === release, site.release, { timeout: 60000 });

describe("deploying v2 while v1 is in use", () => {
  test("a deploy while the page loads, with a slow index.wasm: the page finishes on its own release", async () => {
    const host = await serve("v1");
    host.slow(isWasm, 4000);
    const browser = await launchBrowser();
    try {
      const page = browser.context.pages()[0] || await browser.context.newPage();
      const watched = watch(page);
      const going = page.goto(host.url);
      // The page has asked for v1's code, which the host is slow to send: v2 goes live meanwhile.
      await new Promise((resolve) => {
        const look = () => host.requests.some((r) => r.path === `r/${sites.v1.release}/index.wasm`) ? resolve()
                                                                                                  : setTimeout(look, 20);
        look();
      });
      host.swap("v2");
      await going;
      await waitForState(page, (st) => st.ready === true, { timeout: 40000 });
      await assertWhole(page, watched, sites.v1);
      watched.stop();
      await page.evaluate(() => window.hcf.offline.ready); // the worker runs (it keeps v1, or v2 already)

      // Once the browser has v2 whole, the next load is v2, whole.
      await page.reload(); // (still v1, from the offline copy; the worker fetches v2 in the background)
      await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
      await keptWhole(page, sites.v2);
      const again = watch(page);
      await page.reload();
      await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
      await assertWhole(page, again, sites.v2);
    } finally {
      await browser.close();
    }
  });

  test("a tab open during a deploy keeps its release until it reloads; the reload takes v2 whole and says so",
       async () => {
    const host = await serve("v1");
    const browser = await launchBrowser();
    try {
      const first = await open(browser.context, host.url);
      await first.page.evaluate(() => window.hcf.offline.ready);
      const results = await searchByMirror(first.page, "B13 9AB");

      host.swap("v2");
      host.slow(isWasm, 3000);
      // A tab opened now starts at once from the release the browser holds whole.
      const second = await open(browser.context, host.url);
      await assertWhole(second.page, second.watched, sites.v1);

      // The open tab carries on with v1: an agency's contact details, and a postcode area it never needed.
      await clickItem(first.page, "result." + results.search.results[0].id);
      let s = await waitForState(first.page, (st) => st.screen === "agency" && st.agency.detailsLoaded, { timeout: 20000 });
      await keptWhole(first.page, sites.v2);
      await clickItem(first.page, "home");
      s = await searchByMirror(first.page, "E4 7AA");
      assert.equal(s.location.precision, "unit");
      await clickItem(first.page, "result." + s.search.results[0].id);
      s = await waitForState(first.page, (st) => st.screen === "agency" && st.agency.detailsLoaded, { timeout: 20000 });
      await assertWhole(first.page, first.watched, sites.v1);

      // Reloaded, it is v2 whole, with a quiet line saying what changed.
      first.watched.stop();
      const again = watch(first.page);
      await first.page.reload();
      s = await waitForState(first.page, (st) => st.ready === true && st.notice !== "", { timeout: 30000 });
      await assertWhole(first.page, again, sites.v2);
      assert.equal(s.notice, "Updated to the information of 1 November 2026.");
      await waitForState(first.page, (st) => st.ui.items.some((i) => i.label === s.notice));
    } finally {
      await browser.close();
    }
  });

  test("v2's newer information replaces the owner's older update saved in the browser, and says so", async () => {
    const host = await serve("v1");
    const browser = await launchBrowser();
    try {
      let { page } = await open(browser.context, host.url + "?s=about");
      await page.evaluate(() => window.hcf.offline.ready);
      // The owner updates v1's data to CQC's files of 1 October 2026 with "Update the data".
      await scrollIntoView(page, "update_choose");
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), clickItem(page, "update_choose")]);
      await chooser.setFiles(join(ROOT, "tests", "data", "update", "01_October_2026_homecare_locations.csv"));
      await waitForState(page, (st) => /^Updated to CQC data of 1 October 2026/.test(st.update.message), { timeout: 60000 });
      // The check can fail: v1's own information (1 September 2026) is older, so the owner's update stays.
      await page.reload();
      let s = await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
      assert.equal(s.data.source, "updated");
      assert.equal(s.data.edition, "2026-10-01");

      host.swap("v2");
      await page.reload(); // (v1 still, from the offline copy; the worker fetches v2 in the background)
      await waitForState(page, (st) => st.ready === true, { timeout: 30000 });
      await keptWhole(page, sites.v2);
      await page.reload();
      s = await waitForState(page, (st) => st.ready === true && st.notice !== "", { timeout: 30000 });
      assert.equal(s.release, sites.v2.release);
      assert.equal(s.data.source, "bundled");
      assert.equal(s.data.edition, "2026-11-01");
      assert.equal(s.notice, "The information that came with this service (CQC register of 1 November 2026) is " +
                             "newer than the update saved in this browser (CQC register of 1 October 2026), so " +
                             "the update has been removed.");
      assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), []);
    } finally {
      await browser.close();
    }
  });
});
