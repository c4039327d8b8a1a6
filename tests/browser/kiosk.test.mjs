// tests/browser/kiosk.test.mjs — kiosk mode: the idle reset (a visible countdown, input carries on, and after the
// countdown every trace of the session is gone: storage, address, shortlist); the on-screen keypad; a QR code
// of the shortlist's share link, decoded from a screenshot; no links out of the app, no downloads.
// Depends on: tests/browser/lib/harness.mjs, lib/png.mjs, jsqr (npm).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import jsQR from "jsqr";
import {
  itemRect, launchBrowser, openApp, screenshotChecked, scrollIntoView, settled, settledMiddle, startServer, state,
  waitForState,
} from "./lib/harness.mjs";
import { searchByMirror, settledResults } from "./lib/mirror.mjs";
import { decodePng } from "./lib/png.mjs";

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
    assert.doesNotMatch(page.url(), /pc=|sl=/);   // a kiosk's address holds no one's search (issue 16, item 11)
    assert.match(page.url(), /\?kiosk=1&idle=10$/); // only the kiosk's settings

    const dialog = page.getByRole("alertdialog", { name: "Are you still there?" });
    await dialog.waitFor({ state: "visible", timeout: 15000 });
    assert.match(await dialog.textContent(), /This screen will reset in \d+ seconds?\. Touch the screen to carry on\./);
    await page.waitForEvent("load", { timeout: 20000 });
    await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
    const s = await state(page);
    assert.deepEqual(s.shortlist, []);
    assert.equal(s.screen, "start");
    // Reloaded at the kiosk's address: no search, no list.
    await page.waitForFunction(() => window.hcfKiosk);
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
      await page.waitForFunction(() => window.hcfKiosk);
      assert.equal(await page.evaluate(() => window.hcfKiosk.idleSeconds), 120, bad);
    }
  } finally {
    await browser.close();
  }
});

// Taps a UI item in its middle with a finger, once it has stopped moving.
async function tap(page, id) {
  const { x, y } = await settledMiddle(page, id);
  await page.touchscreen.tap(x, y);
}

// Decodes the QR code drawn at a UI item from a screenshot of the page.
async function readQr(page, id) {
  await scrollIntoView(page, id);
  const r = (await settled(page)).ui.items.find((it) => it.id === id);
  const png = decodePng(await page.screenshot());
  const ratio = png.width / page.viewportSize().width;
  const x0 = Math.floor(r.x * ratio) - 4, y0 = Math.floor(r.y * ratio) - 4;
  const w = Math.ceil(r.w * ratio) + 8, h = Math.ceil(r.h * ratio) + 8;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const src = ((y0 + y) * png.width + (x0 + x)) * png.channels, dst = (y * w + x) * 4;
      rgba[dst] = png.pixels[src]; rgba[dst + 1] = png.pixels[src + 1]; rgba[dst + 2] = png.pixels[src + 2];
      rgba[dst + 3] = 255;
    }
  const code = jsQR(rgba, w, h);
  assert.ok(code, "jsQR found no QR code in the screenshot");
  return code.data;
}

const OUTSIDE = /^(https?:|mailto:|tel:)/i;
const offersOutside = (s) => s.ui.items.filter((i) => i.href || (i.role === "link" && OUTSIDE.test(i.label)) ||
                                                     /^(download_|email_link|copy_link|share_url)/.test(i.id));

test("kiosk: a postcode typed on the keypad, an agency shortlisted, its QR code opens the shortlist", async () => {
  const browser = await launchBrowser({ touch: true });
  try {
    const { page, errors } = await openApp(browser.context, server.url + "?kiosk=1");
    let s = await state(page);
    assert.equal(s.kiosk, true);
    // The keypad: digits, A to Z, Space, Delete and Find care, big enough for a finger.
    const keys = s.ui.items.filter((i) => i.id.startsWith("key."));
    assert.equal(keys.length, 10 + 26 + 2);
    for (const k of keys) assert.ok(k.w >= 44 && k.h >= 64, `${k.id} is ${k.w}x${k.h}`);
    assert.equal(s.ui.items.filter((i) => i.id === "find_care").length, 1);

    for (const key of ["B", "1", "3", "X", "delete", "space", "9", "A", "B"]) await tap(page, `key.${key}`);
    await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
    // The hidden input is not used in kiosk mode: the keypad is the keyboard.
    assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), "hcf-ime");
    await screenshotChecked(page, "kiosk-start-keypad");
    await tap(page, "find_care");
    s = await settledResults(page);
    assert.equal(s.location.postcode, "B13 9AB");
    const first = s.search.results[0];
    await scrollIntoView(page, `add.${first.id}`);
    await tap(page, `add.${first.id}`);
    await waitForState(page, (st) => st.shortlist.length === 1);
    await tap(page, "shortlist");
    s = await waitForState(page, (st) => st.screen === "shortlist" && st.ui.items.some((i) => i.id === "share_qr"));
    const qr = s.ui.items.find((i) => i.id === "share_qr");
    assert.equal(qr.role, "img");
    assert.match(qr.label, /QR code/);
    assert.ok(s.ui.items.some((i) => i.id === "print" && i.label === "Print my shortlist"));
    assert.deepEqual(offersOutside(s), []);

    const link = await readQr(page, "share_qr");
    await screenshotChecked(page, "kiosk-shortlist-qr");
    // "Print my shortlist" prints the printable page (a kiosk's Chromium prints it with --kiosk-printing).
    await tap(page, "print");
    await page.waitForFunction(() => {
      const f = document.getElementById("hcf-print");
      return f && f.contentDocument && f.contentDocument.body && f.contentDocument.body.textContent.length > 0;
    });
    const printed = await page.evaluate(() => document.getElementById("hcf-print").contentDocument.body.textContent);
    assert.ok(printed.includes(first.name), "the printed page names the agency");
    assert.ok(link.startsWith(server.url + "?"), link);
    assert.match(link, new RegExp(`sl=${first.id}`));
    assert.match(link, /pc=B13%209AB/);
    assert.doesNotMatch(link, /kiosk/, "the phone that scans it is not a kiosk");
    // The link opens the same shortlist on "a phone".
    const phone = await launchBrowser({ phone: true });
    try {
      const { page: p2 } = await openApp(phone.context, link);
      const shared = await waitForState(p2, (st) => st.shortlist.length === 1 && st.screen === "shortlist");
      assert.deepEqual(shared.shortlist, [first.id]);
      assert.equal(shared.kiosk, false);
    } finally {
      await phone.close();
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("kiosk: no links out of the app and no downloads on any screen; the same screens have them elsewhere", async () => {
  const browser = await launchBrowser();
  try {
    const screens = ["start", "results", "agency", "shortlist", "about", "council", "cost", "who_pays"];
    const seen = {};
    for (const kiosk of [true, false]) {
      const { page } = await openApp(browser.context, server.url + (kiosk ? "?kiosk=1" : ""));
      await searchByMirror(page, "B13 9AB");
      const first = (await state(page)).search.results[0];
      // (an activation that arrives while the list is still moving is dropped, as a click would miss: again)
      for (let tries = 0; ; tries++) {
        await page.evaluate((id) => window.hcf.activate(`add.${id}`), first.id);
        const added = await waitForState(page, (st) => st.shortlist.length === 1, { timeout: 3000 }).catch(() => null);
        if (added) break;
        if (tries === 4) throw new Error("the agency was never added to the shortlist");
      }
      const found = [];
      for (const screen of screens) {
        // Reach each screen by its address: the app opens the screen the link names.
        await page.goto(server.url + `?${kiosk ? "kiosk=1&" : ""}` +
                        (screen === "start" ? "" : `pc=B13%209AB&sl=${first.id}&s=${screen}`) +
                        (screen === "agency" ? `&a=${first.id}` : ""));
        await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true);
        await waitForState(page, (st) => st.screen === screen && st.ui.items.length > 3, { timeout: 15000 });
        // The shortlist draws its actions once the agency is known (the data may still be arriving).
        if (screen === "shortlist") await waitForState(page, (st) => st.ui.items.some((i) => i.id === "print"), { timeout: 15000 });
        // Scroll through the whole screen, collecting what each part offers.
        const ids = new Set();
        for (let i = 0; i < 20; i++) {
          found.push(...offersOutside(await state(page)).map((it) => `${screen}:${it.id}`));
          const now = await state(page);
          for (const it of now.ui.items) ids.add(it.id);
          if (now.ui.scrollY >= now.ui.scrollMaxY - 1) {
            // At the bottom: stop only if the page has stopped growing (late data can add to it).
            const later = await settled(page);
            found.push(...offersOutside(later).map((it) => `${screen}:${it.id}`));
            if (later.ui.scrollMaxY <= now.ui.scrollMaxY + 1) break;
          }
          await page.mouse.move(600, 400);
          await page.mouse.wheel(0, 650);
          await settled(page);
        }
        if (kiosk && screen === "agency") {
          assert.ok(ids.has("agency_qr"), "a kiosk's agency page has a QR code to take away");
          await screenshotChecked(page, "kiosk-agency-no-links");
        }
      }
      seen[kiosk ? "kiosk" : "normal"] = [...new Set(found)];
    }
    assert.deepEqual(seen.kiosk, []);
    // The check can fail: without kiosk mode the same screens offer websites, phone links and downloads.
    for (const want of [/^agency:website$/, /^agency:cqc_report$/, /^shortlist:download_json$/, /^shortlist:email_link$/])
      assert.ok(seen.normal.some((f) => want.test(f)), `${want} offered outside kiosk mode: ${seen.normal}`);
  } finally {
    await browser.close();
  }
});
