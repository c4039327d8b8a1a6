// tests/browser/compression.test.mjs — the app is sent compressed: the build writes NAME.br and NAME.gz beside
// the files, scripts/serve.mjs sends the best one the browser accepts (Content-Encoding, Vary), and the app
// loaded that way starts, searches, and starts again offline from what the service worker kept.
// Depends on: tests/browser/lib/harness.mjs, a built dist/ (scripts/build-web writes the compressed copies).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DIST, launchBrowser, openApp, releasePath, startServer } from "./lib/harness.mjs";
import { searchByMirror } from "./lib/mirror.mjs";

const AT = releasePath(); // the release's folder: everything but the page is in it
const START_FILES = ["index.html", ...["index.js", "index.wasm", "data/manifest.json", "data/bundle.bin"].map((f) => AT + f)];

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

// node's fetch would undo the encoding itself; a raw request shows what went on the wire.
async function rawGet(path, acceptEncoding) {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding };
    request(new URL(path, server.url), { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
}

test("the build leaves a .br and a .gz copy beside every file fetched at start, each the file itself", () => {
  for (const f of [...START_FILES, AT + "data/postcodes/B13.txt"]) {
    const raw = readFileSync(join(DIST, f));
    for (const [ext, open] of [["br", brotliDecompressSync], ["gz", gunzipSync]]) {
      assert.ok(existsSync(join(DIST, `${f}.${ext}`)), `${f}.${ext} is missing`);
      const packed = readFileSync(join(DIST, `${f}.${ext}`));
      assert.ok(packed.length < raw.length, `${f}.${ext} is not smaller`);
      assert.ok(open(packed).equals(raw), `${f}.${ext} does not hold ${f}`);
    }
  }
});

test("the server sends brotli, else gzip, else the file, with Content-Encoding and Vary", async () => {
  for (const f of START_FILES) {
    const raw = readFileSync(join(DIST, f));
    const br = await rawGet(f, "gzip, deflate, br");
    assert.equal(br.status, 200);
    assert.equal(br.headers["content-encoding"], "br", f);
    assert.equal(br.headers.vary, "Accept-Encoding", f);
    assert.equal(Number(br.headers["content-length"]), br.body.length);
    assert.ok(brotliDecompressSync(br.body).equals(raw), `${f} as brotli`);

    const gz = await rawGet(f, "gzip;q=1.0, br;q=0");
    assert.equal(gz.headers["content-encoding"], "gzip", f);
    assert.ok(gunzipSync(gz.body).equals(raw), `${f} as gzip`);

    const plain = await rawGet(f, null);
    assert.equal(plain.headers["content-encoding"], undefined, f);
    assert.equal(plain.headers.vary, "Accept-Encoding", f);
    assert.ok(plain.body.equals(raw), `${f} as it is`);
  }
  assert.equal((await rawGet(AT + "index.wasm", "br")).headers["content-type"], "application/wasm");
  // Already-compressed images are sent as they are, without Vary.
  const png = await rawGet("icons/icon-192.png", "br, gzip");
  assert.equal(png.headers["content-encoding"], undefined);
  assert.equal(png.headers.vary, undefined);
});

test("Chromium gets the app as brotli, runs it, and starts and searches offline from the kept copy", async () => {
  const browser = await launchBrowser();
  try {
    const encodings = new Map();
    browser.context.on("response", async (r) => {
      const path = new URL(r.url()).pathname.slice(1);
      if (START_FILES.includes(path) && !r.fromServiceWorker())
        encodings.set(path, (await r.allHeaders())["content-encoding"]);
    });
    const { page, errors } = await openApp(browser.context, server.url);
    const status = await page.evaluate(() => window.hcf.offline.ready);
    assert.equal(status.complete, true, JSON.stringify(status));
    for (const f of START_FILES) assert.equal(encodings.get(f), "br", `${f}: ${JSON.stringify([...encodings])}`);
    const online = await searchByMirror(page, "B13 9AB");

    // What the worker kept is the file itself, and says nothing about an encoding it no longer has.
    const kept = await page.evaluate(async (at) => {
      const r = await caches.match(at + "index.wasm");
      return { encoding: r.headers.get("content-encoding"), size: (await r.arrayBuffer()).byteLength };
    }, AT);
    assert.deepEqual(kept, { encoding: null, size: readFileSync(join(DIST, AT, "index.wasm")).length });

    await browser.context.setOffline(true);
    await page.goto(server.url);
    await page.waitForFunction(() => window.hcf && window.hcf.state().ready === true, null, { timeout: 30000 });
    const offline = await searchByMirror(page, "B13 9AB");
    assert.equal(offline.search.total, online.search.total);
    assert.deepEqual(offline.search.results.map((r) => r.id), online.search.results.map((r) => r.id));
    assert.deepEqual(errors, []);
  } finally {
    await browser.context.setOffline(false).catch(() => {});
    await browser.close();
  }
});

// Every script the page runs is preloaded in <head>, with index.wasm: without that Chromium fetches the
// scripts at the end of <body> one at a time and index.js and index.wasm after them (a round trip each).
test("the page preloads every script it runs and index.wasm, and downloads each start file once", async () => {
  const page = readFileSync(join(DIST, "index.html"), "utf8");
  const head = page.slice(0, page.indexOf("</head>"));
  const preloaded = [...head.matchAll(/<link rel="preload" href="([^"]+)" as="(script|fetch)"/g)].map((m) => m[1]);
  const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(scripts.length >= 6, `the page's scripts: ${scripts}`);
  for (const f of [...scripts, AT + "index.js", AT + "index.wasm"])
    assert.ok(preloaded.includes(f), `${f} is not preloaded in <head>: ${preloaded}`);

  const browser = await launchBrowser();
  try {
    const asked = new Map();
    browser.context.on("request", (r) => {
      const path = new URL(r.url()).pathname.slice(1) || "index.html";
      if (!r.serviceWorker()) asked.set(path, (asked.get(path) || 0) + 1);
    });
    const { errors } = await openApp(browser.context, server.url);
    for (const f of [...START_FILES, ...scripts])
      assert.equal(asked.get(f), 1, `${f} asked for ${asked.get(f) || 0} times: ${JSON.stringify([...asked])}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
