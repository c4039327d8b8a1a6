// tests/browser/hostile.test.mjs — hostile values and the page's own errors (issue 16, item 12): an agency
// website that is a javascript: or data: address is shown as text, never a link, and clicking it opens nothing;
// the page's error line is drawn where it can be read; a journey with the mouse wheel logs no console errors
// (no "Unable to preventDefault inside passive event listener").
// Depends on: tests/browser/lib/harness.mjs, lib/faults.mjs (releaseServer), lib/releases.mjs, lib/mirror.mjs,
// lib/png.mjs; the real agencies of tests/data/update/README.md, whose websites a tampered copy replaces.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { clickItem, launchBrowser, openApp, state, waitForState } from "./lib/harness.mjs";
import { releaseServer } from "./lib/faults.mjs";
import { makeSite } from "./lib/releases.mjs";
import { searchByMirror } from "./lib/mirror.mjs";
import { decodePng } from "./lib/png.mjs";

// Two real agencies with a B13 and a B14 postcode, and their websites as the data gives them.
const SCRIPTED = { id: "1-11773547995", postcode: "B13 8JR", website: "www.aspectsupportedliving.co.uk" };
const DATA_URL = { id: "1-123569636", postcode: "B14 7NE", website: "www.livingwell-care.com" };
const sameLength = (text, length) => (text + "x".repeat(length)).slice(0, length);
SCRIPTED.hostile = sameLength("javascript:alert(document.domain)//", SCRIPTED.website.length);
DATA_URL.hostile = "data:text/html,<b>x</b>";

let server;
before(async () => {
  assert.equal(DATA_URL.hostile.length, DATA_URL.website.length);
  // A tampered copy of the data: the two websites replaced (checksums made again, as an attacker would).
  const site = await makeSite("hostile", { strings: { "details/B.bin": [[SCRIPTED.website, SCRIPTED.hostile],
                                                                        [DATA_URL.website, DATA_URL.hostile]] } });
  server = await releaseServer({ hostile: site }, "hostile");
});
after(() => server?.close());

test("a javascript: or data: website is text, not a link, on the agency page and the shortlist", async () => {
  const browser = await launchBrowser();
  const opened = []; // windows the page opened (a link followed)
  try {
    for (const agency of [SCRIPTED, DATA_URL]) {
      const { page, errors } = await openApp(browser.context,
                                             `${server.url}?pc=${encodeURIComponent(agency.postcode)}&s=agency&a=${agency.id}`);
      page.on("popup", (p) => opened.push(p.url()));
      let s = await waitForState(page, (st) => st.agency?.id === agency.id && st.agency.detailsLoaded &&
                                               st.ui.items.some((i) => i.id === "website"), { timeout: 30000 });
      assert.equal(s.agency.website, agency.hostile);
      const item = s.ui.items.find((i) => i.id === "website");
      assert.equal(item.role, "text", JSON.stringify(item));
      assert.equal(item.href, undefined);
      assert.ok(item.label.endsWith(agency.hostile), item.label); // "Website: <the value>"
      await clickItem(page, "website");
      // On the shortlist too.
      await page.getByRole("button", { name: "Add to shortlist" }).first().press("Enter");
      await waitForState(page, (st) => st.shortlist.includes(agency.id));
      await clickItem(page, "shortlist");
      s = await waitForState(page, (st) => st.screen === "shortlist" &&
                                           st.ui.items.some((i) => i.id === "website." + agency.id), { timeout: 15000 });
      const cell = s.ui.items.find((i) => i.id === "website." + agency.id);
      assert.equal(cell.role, "text", JSON.stringify(cell));
      assert.equal(cell.href, undefined);
      await clickItem(page, "website." + agency.id);
      assert.deepEqual(errors, []);
      assert.equal(await page.evaluate(() => document.getElementById("status").hidden), true);
      // The mirror has no link for it either.
      assert.equal(await page.locator('#hcf-mirror a[href^="javascript"], #hcf-mirror a[href^="data"]').count(), 0);
      await page.close();
    }
    assert.deepEqual(opened, []);
  } finally {
    await browser.close();
  }
});

// WCAG's relative luminance of an 8-bit sRGB pixel.
function luminance(r, g, b) {
  const c = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}

test("the page's error line is drawn where it can be read, over the app's dark header", async () => {
  const browser = await launchBrowser();
  try {
    const { page } = await openApp(browser.context, server.url);
    await page.evaluate(() => setTimeout(() => { throw new Error("a fault in the page, for this test"); }, 0));
    const status = page.locator("#status");
    await status.waitFor({ state: "visible" });
    assert.match(await status.textContent(), /Sorry, something went wrong/);
    const box = await status.boundingBox();
    const view = page.viewportSize();
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height);
    // On top of everything at its middle, and its words stand out from what is behind them (4.5:1).
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, {
      x: box.x + box.width / 2, y: box.y + box.height / 2 }), "status");
    const png = decodePng(await page.screenshot({ clip: box }));
    let lo = 1, hi = 0;
    for (let i = 0; i < png.width * png.height; i++) {
      const p = i * png.channels;
      const l = luminance(png.pixels[p], png.pixels[p + 1], png.pixels[p + 2]);
      lo = Math.min(lo, l);
      hi = Math.max(hi, l);
    }
    assert.ok((hi + 0.05) / (lo + 0.05) >= 4.5, `contrast ${((hi + 0.05) / (lo + 0.05)).toFixed(2)}:1`);
  } finally {
    await browser.close();
  }
});

test("a journey with the mouse wheel logs no console errors", async () => {
  const browser = await launchBrowser();
  const logged = [];
  browser.context.on("console", (m) => { if (m.type() === "error") logged.push(m.text()); });
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    const s = await searchByMirror(page, "B13 9AB");
    await page.mouse.move(600, 400);
    for (const dy of [400, 400, 400, -400, -400, -400]) {
      const before = (await state(page)).ui.scrollY;
      await page.mouse.wheel(0, dy);
      await waitForState(page, (st) => (dy > 0 ? st.ui.scrollY > before : st.ui.scrollY < before));
    }
    await clickItem(page, "result." + s.search.results[0].id);
    await waitForState(page, (st) => st.screen === "agency" && st.agency.detailsLoaded);
    assert.deepEqual(errors, []);
    assert.deepEqual(logged, []);
  } finally {
    await browser.close();
  }
});
