// tests/browser/embed.test.mjs — the tool inside a council's page: it fills its frame and follows the frame's
// size, tells the host how tall its content is, takes the council's header colour (?theme=, refused when too
// light for white text), says plainly when a language is not available, and keeps these settings (and a
// kiosk's idle time) in the address when it rewrites it.
// Depends on: tests/browser/lib/harness.mjs, tests/browser/lib/png.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openApp, settled, startServer, waitForState, screenshotChecked } from "./lib/harness.mjs";
import { decodePng } from "./lib/png.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// The app's frame is waited on like a page: its published states, and its settled moments.
const waitForFrame = (frame, predicate) =>
  waitForState(frame, (st) => st.ready && predicate(st), { timeout: 30000 });

test("in a frame: fills it, follows its size, and tells the host its height", async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  // The host page: the iframe snippet from docs/embedding.md, and a listener for the size messages.
  await page.setContent(`<!doctype html><title>Council page</title>
    <iframe id="f" title="Find home care agencies near you" src="${server.url}?council=birmingham"
            style="width: 1000px; height: 700px; border: 0"></iframe>
    <script>window.sizes = []; addEventListener("message", (e) => {
      if (e.data && e.data.type === "hcf:size") window.sizes.push(e.data.height); });</script>`);
  const frame = page.frame({ url: (u) => u.href.startsWith(server.url) });
  assert.ok(frame, "the app's frame is there");
  let s = await waitForFrame(frame, (st) => st.ui && st.ui.items.length > 0);
  assert.equal(s.ui.phone, false);
  const canvas = await frame.evaluate(() => ({ w: document.getElementById("canvas").width,
                                                h: document.getElementById("canvas").height }));
  assert.deepEqual(canvas, { w: 1000, h: 700 }); // device pixel ratio 1 here
  // The host heard how tall the content is (a number only), and it matches what the app drew.
  // (The content may still grow as the data arrives: compare the latest message with the latest drawing.)
  await page.waitForFunction(() => window.sizes.length > 0);
  // Once the frame has settled (the data is in, every frame drawn), its height stays put: the host hears it.
  s = await settled(frame);
  await page.waitForFunction((h) => window.sizes.at(-1) === h, s.ui.contentHeight);
  const heard = await page.evaluate(() => window.sizes.at(-1));
  assert.equal(heard, s.ui.contentHeight);
  assert.ok(heard > 300 && heard < 3000, String(heard));

  // The host narrows the frame to a phone's width: the app follows with its phone layout.
  await page.evaluate(() => { const f = document.getElementById("f"); f.style.width = "380px"; f.style.height = "640px"; });
  s = await waitForFrame(frame, (st) => st.ui.phone === true);
  const narrow = await frame.evaluate(() => ({ w: document.getElementById("canvas").width,
                                                h: document.getElementById("canvas").height }));
  assert.deepEqual(narrow, { w: 380, h: 640 });
  // Narrower means taller content (text wraps more): the host hears the new height.
  await page.waitForFunction((h) => window.sizes.at(-1) > h, heard);
  await page.close();
});

test("?theme colours the header, ?lang is answered plainly, and the address keeps both (and idle)", async () => {
  const { page, errors } = await openApp(browser.context, server.url + "?theme=1d70b8&lang=cy&idle=45");
  let s = await waitForState(page, (st) => st.ui.items.some((i) => i.id === "find_care"));
  assert.deepEqual(s.embed, { idle: 45, idleSeconds: 45, theme: "1d70b8", lang: "cy", langAvailable: false });
  assert.ok(s.ui.items.some((i) => i.role === "note" && i.label === "This tool is only in English at the moment."));
  assert.equal(await page.locator('meta[name="theme-color"]').getAttribute("content"), "#1d70b8");
  // The header bar is drawn in the council's colour.
  await screenshotChecked(page, "embed-theme");
  const png = decodePng(await page.screenshot({ clip: { x: 600, y: 5, width: 1, height: 1 } }));
  assert.deepEqual([...png.pixels.subarray(0, 3)], [0x1d, 0x70, 0xb8]);

  // A search rewrites the address: the embedding settings stay in it.
  await page.evaluate(() => window.hcf.setText("postcode", "B13 9AB"));
  await page.evaluate(() => window.hcf.activate("find_care"));
  s = await waitForState(page, (st) => st.screen === "results");
  await page.waitForFunction(() => /pc=B13/.test(location.search));
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get("theme"), "1d70b8");
  assert.equal(params.get("lang"), "cy");
  assert.equal(params.get("idle"), "45");
  // ...but the share link a person takes away carries no idle time.
  assert.match(s.shareLinkQuery, /pc=B13%209AB/);
  assert.doesNotMatch(s.shareLinkQuery, /idle=/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a theme too light for white text is refused and the usual header is kept", async () => {
  const { page } = await openApp(browser.context, server.url + "?theme=ffdd00");
  const s = await waitForState(page, (st) => st.ui.items.length > 0);
  assert.equal(s.embed.theme, "");
  const png = decodePng(await page.screenshot({ clip: { x: 600, y: 5, width: 1, height: 1 } }));
  assert.deepEqual([...png.pixels.subarray(0, 3)], [0x0b, 0x0c, 0x0c]);
  await page.close();
});
