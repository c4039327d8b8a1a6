// scripts/bench-journey.mjs — the person's journey in headless Chromium on loopback, with a fresh profile and
// again with a warm service worker, and a first visit from a phone on a slow connection: time to the first drawn
// frame, to `ready`, from Enter to the first results and to the exact-postcode results (the postcode filled in
// at once as soon as the page is ready, or typed at a person's pace; also on a slow phone connection), the bytes that went over the wire (as served, compressed). Then a
// returning visitor on a slow network (every answer from the server held back --latency ms, default 2000):
// time to `ready` from the kept release. Then the app's start-up bytes as a multiple of a bare Dear ImGui
// window built with the same flags (the floor).
//   node scripts/bench-journey.mjs [--runs 5] [--serve SCRIPT] [--latency 2000]
// Needs a built dist/ (scripts/build-web); HCF_DIST_DIR serves another build, --serve another server script
// (e.g. an older scripts/serve.mjs, to measure a before and after in one run).
// Figures, not pass/fail. Depends on: tests/browser/lib/harness.mjs (playwright-core, Debian's Chromium),
// node's built-ins; builds the floor with `cmake --build build/web --target hcf_bare_imgui`.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createServer, connect } from "node:net";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ROOT, launchBrowser, startServer } from "../tests/browser/lib/harness.mjs";

const args = process.argv.slice(2);
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
const latencyMs = args.includes("--latency") ? Number(args[args.indexOf("--latency") + 1]) : 2000;
const POSTCODES = ["B13 9AB", "E4 7AA", "HR4 9AB"];
// A slow phone connection for the postcode files: 1.6 Mbit/s down, 150 ms each way.
const PHONE = { bytesPerSecond: 200000, latencyMs: 150 };
const DIST = process.env.HCF_DIST_DIR || join(ROOT, "dist");

// A loopback proxy in front of scripts/serve.mjs that counts the bytes the server sends (headers and bodies,
// as they travel), so requests made by the service worker count too. counter.latencyMs holds every byte from
// the server back that long (a slow network: equal delays keep the bytes in order); counter.bytesPerSecond,
// when set, also sends them no faster than that, all connections sharing the one link (a phone's).
async function countingProxy(target) {
  const { port: targetPort } = new URL(target);
  const counter = { bytes: 0, latencyMs: 0, bytesPerSecond: 0 };
  let linkFreeAt = 0; // when the shared link has sent everything queued so far (ms, Date.now() clock)
  const later = (fn, size = 0) => {
    if (!counter.latencyMs && !counter.bytesPerSecond) return fn();
    const now = Date.now();
    linkFreeAt = Math.max(linkFreeAt, now) + (counter.bytesPerSecond ? (size * 1000) / counter.bytesPerSecond : 0);
    setTimeout(fn, linkFreeAt - now + counter.latencyMs);
  };
  const server = createServer((client) => {
    const upstream = connect(Number(targetPort), "127.0.0.1");
    client.pipe(upstream);
    upstream.on("data", (chunk) => { counter.bytes += chunk.length; later(() => client.write(chunk), chunk.length); });
    upstream.on("end", () => later(() => client.end()));
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, counter, close: () => server.close() };
}

// Before the page runs: note when the canvas first draws (the first WebGL draw call).
const FIRST_DRAW = () => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...a) {
    const ctx = original.apply(this, a);
    if (ctx && !ctx.__hcfTimed && /webgl/.test(String(a[0]))) {
      ctx.__hcfTimed = true;
      for (const name of ["drawElements", "drawArrays"]) {
        const draw = ctx[name].bind(ctx);
        ctx[name] = (...b) => { if (window.__hcfFirstDraw === undefined) window.__hcfFirstDraw = performance.now(); return draw(...b); };
      }
    }
    return ctx;
  };
};

const whenTrue = (page, fn, arg) =>
  page.waitForFunction(fn, arg, { polling: 5, timeout: 60000 }).then((h) => h.jsonValue());

// Loads the app; returns ms from navigation start to first draw and to ready, and the bytes the page itself
// received until ready (DevTools' encodedDataLength: headers and compressed bodies).
async function load(page, url) {
  const paths = new Set();
  const note = (r) => { const u = new URL(r.url()); if (u.origin === new URL(url).origin) paths.add(u.pathname.slice(1) || "index.html"); };
  page.on("request", note);
  await page.goto(url);
  const ready = await whenTrue(page, () => window.hcf && window.hcf.state().ready && performance.now());
  page.off("request", note);
  const frame = await whenTrue(page, () => window.__hcfFirstDraw);
  return { frame, ready, bytes: servedBytes(paths), sizes: servedSizes(paths) };
}

// What the files the page asked for weigh as a browser accepting brotli is sent them: each file's .br copy
// when the build made one, else the file (bodies only; whether they came over the network or through the
// service worker, which fetches them for the page once it takes over).
function servedSizes(paths) {
  const sizes = new Map();
  for (const p of paths) {
    const file = join(DIST, p);
    const br = statSync(file + ".br", { throwIfNoEntry: false });
    const raw = statSync(file, { throwIfNoEntry: false });
    sizes.set(p, br ? br.size : raw ? raw.size : 0);
  }
  return sizes;
}
const servedBytes = (paths) => [...servedSizes(paths).values()].reduce((a, b) => a + b, 0);

// Types a postcode into the accessible mirror and presses Enter: ms to the first results and to the results
// placed on the postcode itself.
// typed: the postcode is typed key by key at 8 keys a second, as a quick typist would (the district's
// postcodes are fetched once "B13 " is typed, while the rest is typed); otherwise it is filled in at once.
async function search(page, postcode, { typed = false } = {}) {
  const box = page.getByRole("textbox", { name: /postcode/i });
  if (typed) {
    await box.focus();
    await box.pressSequentially(postcode, { delay: 125 });
  } else {
    await box.fill(postcode);
  }
  const button = page.getByRole("button", { name: "Find care" });
  await button.focus();
  // Just before the key goes down, in the page's clock (the app's page listens to keys itself and stops them
  // going further, so the benchmark cannot listen for them; this adds a few ms of DevTools round trip).
  const enter = await page.evaluate(() => performance.now());
  await button.press("Enter");
  const first = await whenTrue(page, () => { const s = window.hcf.state(); return s.screen === "results" && s.search && s.search.summary && performance.now(); });
  const exact = await whenTrue(page, () => { const s = window.hcf.state(); return s.screen === "results" && s.location && s.location.precision === "unit" && performance.now(); });
  return { first: first - enter, exact: exact - enter };
}

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1] : NaN; };
const range = (v) => `${Math.round(Math.min(...v))}-${Math.round(Math.max(...v))}`;
const fmt = (v) => `median ${Math.round(median(v))} ms (${range(v)})`;
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// Runs fn(page) in a new browser with a fresh profile that times its first drawn frame, and closes it after.
async function inFreshPage(fn, options = {}) {
  const browser = await launchBrowser(options);
  try {
    await browser.context.addInitScript(FIRST_DRAW);
    return await fn(browser.context.pages()[0] || await browser.context.newPage());
  } finally {
    await browser.close();
  }
}

const server = await startServer(args.includes("--serve") ? { script: args[args.indexOf("--serve") + 1] } : {});
const proxy = await countingProxy(server.url);
const fresh = { frame: [], ready: [], pageBytes: [], bytesReady: [], bytesSettled: [] };
const warm = { frame: [], ready: [] };
const slow = { frame: [], ready: [] };
const phoneFirst = { frame: [], ready: [] };
const enter = Object.fromEntries(POSTCODES.map((p) => [p, { fresh: { first: [], exact: [] }, warm: { first: [], exact: [] },
                                                         phone: { first: [], exact: [] }, typed: { first: [], exact: [] } }]));
try {
  for (let i = 0; i < runs; i++) {
    for (const postcode of POSTCODES) {
      const browser = await launchBrowser(); // a fresh profile each time
      try {
        await browser.context.addInitScript(FIRST_DRAW);
        const page = browser.context.pages()[0] || await browser.context.newPage();
        proxy.counter.bytes = 0;
        const f = await load(page, proxy.url);
        const bytesReady = proxy.counter.bytes;
        if (postcode === POSTCODES[0]) {
          fresh.sizes = f.sizes;
          fresh.frame.push(f.frame); fresh.ready.push(f.ready); fresh.pageBytes.push(f.bytes);
          fresh.bytesReady.push(bytesReady);
        }
        const r = await search(page, postcode);
        enter[postcode].fresh.first.push(r.first); enter[postcode].fresh.exact.push(r.exact);
        // The offline copy made (the service worker's own downloads), then a second visit.
        await page.evaluate(() => window.hcf.offline.ready);
        if (postcode === POSTCODES[0]) fresh.bytesSettled.push(proxy.counter.bytes);
        const w = await load(page, proxy.url);
        if (postcode === POSTCODES[0]) { warm.frame.push(w.frame); warm.ready.push(w.ready); }
        const rw = await search(page, postcode);
        enter[postcode].warm.first.push(rw.first); enter[postcode].warm.exact.push(rw.exact);
        if (postcode === POSTCODES[0]) { // a returning visitor on a slow network
          proxy.counter.latencyMs = latencyMs;
          const s = await load(page, proxy.url);
          proxy.counter.latencyMs = 0;
          slow.frame.push(s.frame); slow.ready.push(s.ready);
        }
      } finally {
        await browser.close();
      }
      if (postcode === POSTCODES[0]) { // a first visit from a phone on a slow connection
        const first = await launchBrowser({ phone: true });
        try {
          await first.context.addInitScript(FIRST_DRAW);
          const page = first.context.pages()[0] || await first.context.newPage();
          Object.assign(proxy.counter, PHONE);
          const f = await load(page, proxy.url);
          phoneFirst.frame.push(f.frame); phoneFirst.ready.push(f.ready);
        } finally {
          Object.assign(proxy.counter, { bytesPerSecond: 0, latencyMs: 0 });
          await first.close();
        }
      }
      // A fresh profile again, the postcode typed as a person types it from the moment the page is ready.
      await inFreshPage(async (page) => {
        await load(page, proxy.url);
        const r = await search(page, postcode, { typed: true });
        enter[postcode].typed.first.push(r.first); enter[postcode].typed.exact.push(r.exact);
      });
      // The same search on a slow phone connection, once the page and its offline copy are in: the
      // postcode file comes over that link (a resident's offline copy does not hold it yet).
      await inFreshPage(async (page) => {
        await load(page, proxy.url);
        await page.evaluate(() => window.hcf.offline.ready);
        Object.assign(proxy.counter, PHONE);
        const r = await search(page, postcode);
        enter[postcode].phone.first.push(r.first); enter[postcode].phone.exact.push(r.exact);
      }).finally(() => Object.assign(proxy.counter, { bytesPerSecond: 0, latencyMs: 0 }));
    }
  }
} finally {
  proxy.close();
  server.stop();
}

// The floor: a bare Dear ImGui window with the app's flags, compressed the way the app is served.
let floor = null;
try {
  execFileSync("cmake", ["--build", join(ROOT, "build", "web"), "--target", "hcf_bare_imgui"],
               { stdio: "ignore", env: { ...process.env, NODE_PATH: `${process.env.NODE_PATH ? process.env.NODE_PATH + ":" : ""}/usr/share/nodejs` } });
  const size = (f, kind) => {
    const body = readFileSync(f);
    return kind === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
                         : gzipSync(body, { level: 9 }).length;
  };
  const bare = join(ROOT, "build", "web", "bare");
  floor = { br: size(join(bare, "index.js"), "br") + size(join(bare, "index.wasm"), "br"),
            gz: size(join(bare, "index.js"), "gz") + size(join(bare, "index.wasm"), "gz"),
            raw: statSync(join(bare, "index.js")).size + statSync(join(bare, "index.wasm")).size };
} catch (e) {
  console.warn(`(the bare Dear ImGui floor was not built: ${e.message.split("\n")[0]})`);
}

console.log(`homecare-finder journey, headless Chromium on loopback, ${runs} runs, ${DIST}`);
console.log(`fresh profile:        first frame ${fmt(fresh.frame)}, ready ${fmt(fresh.ready)}`);
console.log(`warm service worker:  first frame ${fmt(warm.frame)}, ready ${fmt(warm.ready)}`);
console.log(`first visit, phone (1.6 Mbit/s, 150 ms): first frame ${fmt(phoneFirst.frame)}, ready ${fmt(phoneFirst.ready)}`);
console.log(`returning, ${latencyMs} ms latency: first frame ${fmt(slow.frame)}, ready ${fmt(slow.ready)}`);
for (const p of POSTCODES) {
  console.log(`Enter on ${p.padEnd(8)}  fresh: first results ${fmt(enter[p].fresh.first)}, exact postcode ${fmt(enter[p].fresh.exact)}`);
  console.log(`${"".padEnd(12)}fresh, typed: first results ${fmt(enter[p].typed.first)}, exact postcode ${fmt(enter[p].typed.exact)}`);
  console.log(`                    phone (${PHONE.bytesPerSecond * 8 / 1e6} Mbit/s, ${PHONE.latencyMs} ms): first results ${fmt(enter[p].phone.first)}, exact postcode ${fmt(enter[p].phone.exact)}`);
  console.log(`${"".padEnd(18)}  warm:  first results ${fmt(enter[p].warm.first)}, exact postcode ${fmt(enter[p].warm.exact)}`);
}
const startBytes = median(fresh.pageBytes);
console.log(`bytes at start (the files the page asked for until ready, as served with brotli): ${kb(startBytes)}`);
// The start screen works before the care information is in (a search asked for then waits for it), so what a
// person waits for before they can type and press Find care is every start file but the bundle.
const bySize = [...fresh.sizes].sort((a, b) => b[1] - a[1]);
const bundleBytes = bySize.filter(([p]) => p.endsWith("data/bundle.bin")).reduce((a, [, n]) => a + n, 0);
console.log(`  by file: ${bySize.slice(0, 6).map(([p, n]) => `${p.replace(/^r\/[0-9a-f]+\//, "")} ${kb(n)}`).join(", ")}, ` +
            `${bySize.length - 6} more ${kb(bySize.slice(6).reduce((a, [, n]) => a + n, 0))}`);
console.log(`  before the start screen works (all of them but bundle.bin, which comes while the person types): ` +
            `${kb(startBytes - bundleBytes)}`);
console.log(`  everything the server sent until ready, the service worker's downloads included: ${kb(median(fresh.bytesReady))}`);
console.log(`  ... and once the offline copy is complete (after the first search):             ${kb(median(fresh.bytesSettled))}`);
if (floor) {
  console.log(`bare Dear ImGui window, same flags: ${kb(floor.br)} brotli (${kb(floor.gz)} gzip, ${kb(floor.raw)} raw) for index.js + index.wasm`);
  console.log(`app start-up bytes / floor: ${(startBytes / floor.br).toFixed(2)}x`);
}
