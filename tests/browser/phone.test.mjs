// tests/browser/phone.test.mjs — a phone with a touch screen (390x844 at device pixel ratio 3): a tap on the
// postcode box brings up the keyboard through the hidden <input>, typing reaches the app once, a finger drag
// scrolls the results and they glide on (not with reduced motion), a drag never presses the button it
// started on, rotation resizes the canvas to CSS size x pixel ratio, and every control is at least 44x44 px.
// Depends on: tests/browser/lib/harness.mjs, lib/mirror.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  itemRect, launchBrowser, openApp, screenshotChecked, settled, settledMiddle, startServer, state, waitForState,
} from "./lib/harness.mjs";
import { settledResults } from "./lib/mirror.mjs";

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

const INTERACTIVE = new Set(["button", "link", "checkbox", "radio", "textbox"]);

async function tap(page, id) {
  const { x, y } = await settledMiddle(page, id);
  await page.touchscreen.tap(x, y);
}

// A finger drag from (x, y) by dy CSS px in steps, through the DevTools protocol (Playwright only taps). The
// events carry the times a real finger would give them (stepMs apart; holdMs still before lifting), since this
// machine's software WebGL handles them more slowly than a finger moves.
async function drag(page, cdp, x, y, dy, { steps = 12, stepMs = 16, holdMs = 16 } = {}) {
  let t = Date.now() / 1000;
  const send = (type, touchPoints) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints, timestamp: t });
  await send("touchStart", [{ x, y, id: 1 }]);
  for (let i = 1; i <= steps; i++) {
    t += stepMs / 1000;
    await send("touchMove", [{ x, y: y + (dy * i) / steps, id: 1 }]);
  }
  t += holdMs / 1000;
  await send("touchEnd", []);
}

// Waits until the page has stopped moving (a glide keeps the app drawing, so it settles only at rest);
// returns the scroll position then.
async function scrollAtRest(page) {
  return (await settled(page)).ui.scrollY;
}

function assertTouchSized(s, where) {
  const small = s.ui.items.filter((i) => INTERACTIVE.has(i.role) && (i.w < 44 - 0.01 || i.h < 44 - 0.01));
  assert.deepEqual(small.map((i) => `${i.id} ${i.w.toFixed(1)}x${i.h.toFixed(1)}`), [], `controls under 44x44 px on ${where}`);
  assert.ok(s.ui.items.filter((i) => INTERACTIVE.has(i.role)).length >= 5, `few controls on ${where}`);
}

describe("phone with a touch screen", () => {
  let browser;
  before(async () => { browser = await launchBrowser({ phone: true }); });
  after(async () => { await browser?.close(); });

  test("a tap on the postcode box focuses the hidden input; typed text reaches the app once; Enter searches", async () => {
    const { page, errors } = await openApp(browser.context, server.url);
    assert.notEqual(await page.evaluate(() => document.activeElement.id), "hcf-ime", "the keyboard waits for a tap");
    await tap(page, "postcode");
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === "hcf-ime");
    const input = await page.evaluate(() => {
      const i = document.activeElement;
      return { inputmode: i.getAttribute("inputmode"), autocapitalize: i.getAttribute("autocapitalize"),
               autocomplete: i.getAttribute("autocomplete"), fontSize: getComputedStyle(i).fontSize,
               rect: i.getBoundingClientRect().toJSON() };
    });
    assert.equal(input.inputmode, "text");
    assert.equal(input.autocapitalize, "characters");
    assert.equal(input.autocomplete, "postal-code");
    assert.equal(input.fontSize, "16px"); // iOS zooms into smaller inputs
    const box = await itemRect(page, "postcode");
    assert.ok(Math.abs(input.rect.x - box.x) < 1 && Math.abs(input.rect.y - box.y) < 1, "the input lies over the box");
    let s = await waitForState(page, (st) => st.ui.textActive && st.ui.textActive.id === "postcode");

    // Typed in lower case, as a phone keyboard might; the box makes it capitals. Each key arrives once.
    await page.keyboard.type("b13 9ab", { delay: 30 });
    s = await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
    assert.equal(s.ui.textActive.value, "B13 9AB");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("B");
    s = await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
    await settled(page);
    assert.equal((await state(page)).ui.postcode, "B13 9AB", "no character typed twice");
    await screenshotChecked(page, "phone-keyboard-input");

    await page.keyboard.press("Enter");
    s = await settledResults(page);
    assert.equal(s.location.postcode, "B13 9AB");
    await page.waitForFunction(() => document.activeElement.id !== "hcf-ime");
    assert.equal(await page.evaluate(() => document.getElementById("hcf-ime").hidden), true);
    assert.deepEqual(errors, []);
  });

  test("hcf.setText changes any text box, not only the postcode", async () => {
    const { page } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
    await settledResults(page);
    await tap(page, "filters");
    await waitForState(page, (st) => st.ui.items.some((i) => i.id === "text_filter"));
    const before = await state(page);
    const name = before.search.results[3].name;
    await page.evaluate((n) => window.hcf.setText("text_filter", n), name);
    const s = await waitForState(page, (st) => st.search.total < before.search.total && st.search.total > 0);
    assert.ok(s.search.results.some((r) => r.name === name), `${name} is still listed`);
  });

  test("a finger drag scrolls the results and they glide on; a tap still taps; a drag presses nothing", async () => {
    const { page } = await openApp(browser.context, server.url);
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate(() => window.hcf.setText("postcode", "B13 9AB"));
    await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
    await tap(page, "find_care");
    let s = await settledResults(page);
    assert.ok(s.search.total > 20, "enough results to scroll");
    assert.equal(s.ui.scrollY, 0);
    await screenshotChecked(page, "phone-results-top");

    // A drag upwards that starts on a button: the page follows the finger, the button does nothing.
    const firstId = s.search.results[0].id;
    const start = s.ui.items.find((i) => i.id === `add.${firstId}`); // the first row's "Add to shortlist"
    assert.ok(start.y > 320, `the drag starts low enough: ${start.y}`);
    await drag(page, cdp, start.x + start.w / 2, start.y + start.h / 2, -300, { steps: 10, stepMs: 16 });
    const atRelease = (await state(page)).ui.scrollY;
    assert.ok(atRelease > 100, `scrolled with the finger: ${atRelease}`);
    const rest = await scrollAtRest(page);
    assert.ok(rest > atRelease + 20, `glided on after the finger lifted: ${atRelease} -> ${rest}`);
    s = await state(page);
    assert.deepEqual(s.shortlist, [], "the drag did not add the agency");
    assert.equal(s.ui.gliding, false);
    await screenshotChecked(page, "phone-results-scrolled");

    // A slow drag back down, holding still before lifting: no glide.
    await drag(page, cdp, 195, 300, 150, { steps: 10, stepMs: 30, holdMs: 300 });
    await settled(page);
    const held = (await state(page)).ui.scrollY;
    assert.ok(held < rest - 100, `scrolled back: ${rest} -> ${held}`);

    // A tap (a touch that barely moves) presses the button under it.
    s = await state(page);
    const add = s.ui.items.find((i) => i.id.startsWith("add.") && i.y > 100 && i.y + i.h < 800);
    await page.touchscreen.tap(add.x + add.w / 2, add.y + add.h / 2);
    s = await waitForState(page, (st) => st.shortlist.length === 1);
    assert.equal(`add.${s.shortlist[0]}`, add.id);
  });

  test("with reduced motion the page stops when the finger lifts", async () => {
    const { page } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
    await page.emulateMedia({ reducedMotion: "reduce" });
    const cdp = await page.context().newCDPSession(page);
    await settledResults(page);
    await page.touchscreen.tap(10, 600); // let the page learn the preference (it is sent with the next frame)
    await settled(page);
    await drag(page, cdp, 195, 600, -300, { steps: 10, stepMs: 16 });
    const atRelease = (await state(page)).ui.scrollY;
    const rest = await scrollAtRest(page);
    assert.ok(atRelease > 100, `scrolled with the finger: ${atRelease}`);
    assert.ok(rest - atRelease < 2, `no glide: ${atRelease} -> ${rest}`);
    await page.emulateMedia({ reducedMotion: "no-preference" });
  });

  test("every control on the start and results screens is at least 44x44 CSS px", async () => {
    const { page } = await openApp(browser.context, server.url);
    assertTouchSized(await state(page), "start (phone)");
    await page.evaluate(() => window.hcf.setText("postcode", "B13 9AB"));
    await waitForState(page, (st) => st.ui.postcode === "B13 9AB");
    await tap(page, "find_care");
    assertTouchSized(await settledResults(page), "results (phone)");
    await tap(page, "filters");
    assertTouchSized(await waitForState(page, (st) => st.ui.items.some((i) => i.id === "text_filter")),
                     "results with filters (phone)");
  });

  test("every control on the other screens is at least 44x44 CSS px, all the way down", async () => {
    const { page } = await openApp(browser.context, server.url + "?pc=B13%209AB&s=results");
    const id = (await settledResults(page)).search.results[0].id;
    const small = [];
    for (const screen of ["agency", "shortlist", "cost", "who_pays", "council", "about", "settings", "around"]) {
      await page.goto(server.url + `?pc=B13%209AB&sl=${id}&s=${screen}` + (screen === "agency" ? `&a=${id}` : ""));
      await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true);
      await waitForState(page, (st) => st.screen === screen && st.ui.items.length > 3, { timeout: 15000 });
      for (let i = 0; i < 25; i++) {
        const s = await state(page);
        for (const it of s.ui.items)
          if (INTERACTIVE.has(it.role) && (it.w < 44 - 0.01 || it.h < 44 - 0.01))
            small.push(`${screen}: ${it.id} ${it.w.toFixed(1)}x${it.h.toFixed(1)}`);
        if (s.ui.scrollY >= s.ui.scrollMaxY - 1) break;
        await page.mouse.move(195, 400);
        await page.mouse.wheel(0, 600);
        await settled(page);
      }
    }
    assert.deepEqual([...new Set(small)], []);
  });

  test("turning the phone sideways resizes the canvas to CSS size x pixel ratio and widens the layout", async () => {
    const { page } = await openApp(browser.context, server.url);
    const canvas = () => page.evaluate(() => {
      const c = document.getElementById("canvas");
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
    });
    let c = await canvas();
    assert.deepEqual(c, { w: 390 * 3, h: 844 * 3, cssW: 390, cssH: 844, dpr: 3 });
    assert.equal((await state(page)).ui.phone, true);

    await page.setViewportSize({ width: 844, height: 390 });
    await page.waitForFunction(() => document.getElementById("canvas").width === 844 * 3);
    c = await canvas();
    assert.deepEqual(c, { w: 844 * 3, h: 390 * 3, cssW: 844, cssH: 390, dpr: 3 });
    let s = await waitForState(page, (st) => st.ui.phone === false);
    assert.equal(s.ui.pixelRatio, 3);
    // The wide layout: Settings in the header, help choices in two columns side by side.
    assert.ok(s.ui.items.some((i) => i.id === "settings"), "Settings in the header");
    const help = s.ui.items.filter((i) => i.id.startsWith("help."));
    assert.ok(new Set(help.map((i) => Math.round(i.x))).size === 2, "help choices in two columns");
    for (const i of s.ui.items) assert.ok(i.x + i.w <= 844 + 0.5, `${i.id} fits the width`);
    await screenshotChecked(page, "phone-landscape-start");

    await page.setViewportSize({ width: 390, height: 844 });
    s = await waitForState(page, (st) => st.ui.phone === true);
    c = await canvas();
    assert.deepEqual(c, { w: 390 * 3, h: 844 * 3, cssW: 390, cssH: 844, dpr: 3 });
    for (const i of s.ui.items) assert.ok(i.x + i.w <= 390 + 0.5, `${i.id} fits the width`);

    // A new pixel ratio (the page moved to another screen, or the browser zoomed): the backing store and the
    // fonts follow it, so text stays sharp.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setDeviceMetricsOverride", { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
    await page.waitForFunction(() => document.getElementById("canvas").width === 390 * 2);
    s = await waitForState(page, (st) => st.ui.pixelRatio === 2);
    c = await canvas();
    assert.deepEqual(c, { w: 390 * 2, h: 844 * 2, cssW: 390, cssH: 844, dpr: 2 });
    const title = s.ui.items.find((i) => i.id === "title");
    assert.ok(title.h >= 30 && title.h <= 40, `the title is still 32 CSS px high: ${title.h}`);
    await screenshotChecked(page, "phone-ratio-2-start");
    await cdp.send("Emulation.clearDeviceMetricsOverride");
  });
});
