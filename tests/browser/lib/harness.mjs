// tests/browser/lib/harness.mjs — start the app's server and Debian's Chromium for a browser test.
// Depends on: playwright-core (npm), /usr/bin/chromium (Debian), scripts/serve.mjs, a built dist/.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after } from "node:test";
import { chromium } from "playwright-core";
import { siteRelease } from "../../../scripts/release.mjs";
import { decodePng, inkStats } from "./png.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const SCREENSHOT_DIR = join(ROOT, "build", "screenshots");
// The site the tests serve (HCF_DIST_DIR serves another build), and where its release's files are in it:
// "r/<release>/" (scripts/release.mjs; index.html, sw.js and the icons sit at the site's root).
export const DIST = process.env.HCF_DIST_DIR || join(ROOT, "dist");
export const releaseOf = (site = DIST) => siteRelease(site);
export const releasePath = (site = DIST) => `r/${siteRelease(site)}/`;

// Starts scripts/serve.mjs (or another server script, for benchmarks comparing servers) on a free port;
// resolves to { url, stop() } once it prints its URL.
export function startServer({ script = join(ROOT, "scripts", "serve.mjs") } = {}) {
  return new Promise((resolvePromise, reject) => {
    // HCF_DIST_DIR serves another build of the app (e.g. a developer's second web build).
    const root = DIST;
    const child = spawn(process.execPath, [script, "--port", "0", "--root", root],
                        { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error("server did not start within 10 s")), 10000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ url: m[0], stop: () => child.kill() });
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

// Debian's Chromium headless, with WebGL2 through SwiftShader and no background traffic: one per test file,
// started on first use and closed when the file's tests end.
const CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                       "--ignore-gpu-blocklist", "--no-first-run", "--disable-background-networking",
                       "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions"];
// Under `node --test` one Chromium serves the file's tests; a script (a benchmark) gets its own each time.
const underTest = process.env.NODE_TEST_CONTEXT !== undefined;
// Tests composite the page in software: the canvas is still drawn with WebGL (SwiftShader), but the page is
// no longer composited through emulated GL as well, which took a quarter to a half of the graphics process's
// time on each page load (scripts/bench-journey.mjs keeps the default, so its figures stay comparable).
if (underTest) CHROMIUM_ARGS.push("--disable-gpu-compositing");
let shared = null;
if (underTest) after(async () => { if (shared) await (await shared).close(); });

// A fresh browser profile as a new person would have it: its own storage, service worker and caches, nothing
// kept from another test (Playwright's browser contexts). They share one Chromium, so a test does not wait
// for a browser and its graphics to start. Options: { phone: true } gives a 390x844 touch screen at device
// pixel ratio 3 (pixelRatio: another); { touch: true } a 1366x768 touch screen at ratio 1 (a kiosk).
// Returns { context, close }.
//
// Tests of what a person can do on a phone (not of how it looks) use BEHAVIOUR_PIXEL_RATIO: the same CSS
// layout and text sizes as ratio 3, with less than half the pixels to draw on a 2-core CI machine.
export const BEHAVIOUR_PIXEL_RATIO = 2;
export async function launchBrowser({ phone = false, touch = false, pixelRatio = 3 } = {}) {
  const launch = () => chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  const browser = underTest ? await (shared ??= launch()) : await launch();
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: pixelRatio } : {}),
    ...(touch && !phone ? { hasTouch: true } : {}),
  });
  return { context, close: () => (underTest ? context.close() : browser.close()) };
}

// Opens the app and waits until the WebAssembly runtime runs and the data is loaded.
export async function openApp(context, url, { timeout = 30000 } = {}) {
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout })
    .catch(async (e) => {
      const state = await page.evaluate(() => window.hcf && window.hcf.state()).catch(() => null);
      throw new Error(`the app never became ready: ${e.message}; state=${JSON.stringify(state)}; errors=${errors}`);
    });
  return { page, errors };
}

export const state = (page) => page.evaluate(() => window.hcf.state());

// The on-screen rectangle (CSS px) of a UI item the app published, e.g. "postcode".
export async function itemRect(page, id) {
  const s = await state(page);
  const item = (s.ui && s.ui.items || []).find((i) => i.id === id);
  if (!item) throw new Error(`no UI item '${id}' in state: ${JSON.stringify(s.ui)}`);
  return item;
}

// The middle of a UI item (CSS px), scrolled into view, read once the page has settled (typing, late data, a
// glide and the last tap's effect can move things).
export async function settledMiddle(page, id) {
  const r = await scrollIntoView(page, id);
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

// Waits until the page is settled (web/index.html, hcf.settled(): the app has drawn every frame it owed and no
// data file is on its way) and gives the state then. Tests wait on this, never on a fixed time.
export async function settled(page, { timeout = 15000 } = {}) {
  return page.evaluate((ms) => Promise.race([
    window.hcf.settled(),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`the page did not settle in ${ms} ms`)), ms)),
  ]), timeout);
}

// Clicks the middle of a UI item once its position has settled.
export async function clickItem(page, id) {
  const { x, y } = await settledMiddle(page, id);
  await page.mouse.click(x, y);
}

// Saves a screenshot in build/screenshots and fails if the canvas drew (almost) nothing.
export async function screenshotChecked(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const png = await page.screenshot();
  writeFileSync(join(SCREENSHOT_DIR, name + ".png"), png);
  const stats = inkStats(decodePng(png));
  if (stats.inkFraction < 0.002 || stats.colours < 3)
    throw new Error(`screenshot ${name} looks blank: ${JSON.stringify(stats)}`);
  return stats;
}

// Waits until the state satisfies a predicate (the app draws asynchronously after input): it looks at each
// state the app publishes (web/index.html, hcf.changedSince), never on a timer. Works for a page or a frame.
export async function waitForState(page, predicate, { timeout = 10000 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    const look = await page.evaluate(() => window.hcf && window.hcf.changedSince
      ? { s: window.hcf.state(), version: window.hcf.version } : null).catch(() => null);
    if (look) {
      last = look.s;
      if (predicate(last)) return last;
    }
    const left = end - Date.now();
    if (left <= 0 || page.isClosed?.() || page.isDetached?.()) break;
    // The next published state; before the page's bridge is there (a navigation), the bridge itself.
    await (look ? page.evaluate(([v, ms]) => window.hcf.changedSince(v, ms), [look.version, left])
                : page.waitForFunction(() => window.hcf && window.hcf.changedSince, null, { timeout: left }))
      .catch(() => {}); // a navigation ends the wait: look again in the new page
  }
  throw new Error(`state never matched; last state: ${JSON.stringify(last)}`);
}

// Waits until an async function run in the page resolves to something truthy, and resolves to it. (Playwright's
// page.waitForFunction does not wait for a promise: a pending one already counts as true.) For what the service
// worker keeps (caches, hcf.offline.status()): it looks again each time the worker says the offline copy
// changed (web/index.html, hcf.offline.keptSince), never on a timer.
export async function waitForAsync(page, fn, arg, { timeout = 10000 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    const seen = await page.evaluate(() => window.hcf.offline.kept); // before looking: no change is missed
    last = await page.evaluate(fn, arg);
    if (last) return last;
    const left = end - Date.now();
    if (left <= 0) break;
    await page.evaluate(([n, ms]) => window.hcf.offline.keptSince(n, ms), [seen, left]);
  }
  throw new Error(`never true in the page; last: ${JSON.stringify(last)}`);
}

// Scrolls the page (mouse wheel over the canvas) until a UI item is fully inside the viewport, judged on settled
// states only (a state read while the last input is still being handled shows where things were); returns it.
export async function scrollIntoView(page, id, { attempts = 40 } = {}) {
  const view = page.viewportSize();
  for (let i = 0; i < attempts; i++) {
    const s = await settled(page);
    const item = (s.ui.items || []).find((it) => it.id === id);
    if (item && item.y >= 0 && item.y + item.h <= view.height) return item;
    const direction = item && item.y < 0 ? -1 : 1;
    await page.mouse.move(view.width / 2, view.height / 2);
    await page.mouse.wheel(0, direction * view.height * 0.4);
  }
  throw new Error(`could not scroll '${id}' into view`);
}

// Types into a text box the app drew: click it, select what is there, type the new text.
export async function typeInto(page, id, text) {
  await scrollIntoView(page, id);
  await clickItem(page, id);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

// Opens a page at a viewport size ({width, height}, phone: touch + device scale factor 3).
export async function openSized(context, url, size) {
  const page = await context.newPage();
  await page.setViewportSize({ width: size.width, height: size.height });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
  return { page, errors };
}
