// web/sw.js — the service worker: after one visit the app starts and searches with the network off.
// Depends on: data/manifest.json (files[] with name, kind, sha256; dataset_version); no npm packages.
// SPDX-License-Identifier: MIT
//
// One cache per dataset version ("hcf-<dataset_version>"). A new version is filled completely (app, startup
// data, every data file the old cache held, each checked against its sha256) and marked complete before the
// old cache is deleted, so a page never sees a mix of old and new files. manifest.json is network-first (so a
// new version is noticed); data files are cache-first. The app's own files (index.html/js/wasm) are
// network-first with a short timeout: they are not versioned by the dataset, and cache-first would pin old
// code for ever. Kiosk mode asks for every postcode area and details file to be cached too.
"use strict";

const PREFIX = "hcf-";
const COMPLETE = "__complete__"; // marker entry: this cache was filled completely
const KIOSK = "__kiosk__";       // marker entry: keep every data file (kiosk mode)
const SHELL = ["index.html", "index.js", "index.wasm", "a11y.js", "kiosk.js", "embed.js", "update.js", "touch.js",
               "manifest.webmanifest", "icons/icon.svg",
               "icons/icon-192.png", "icons/icon-512.png"];
const MANIFEST = "data/manifest.json";
const NETWORK_TIMEOUT_MS = 4000;

const url = (rel) => new URL(rel, self.registration.scope).href;
const rel = (href) => href.startsWith(self.registration.scope) ? href.slice(self.registration.scope.length) : null;

async function sha256Hex(buffer) {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

function fetchWithTimeout(request, ms = NETWORK_TIMEOUT_MS) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(request, { signal: controller.signal, cache: "no-cache" }).finally(() => clearTimeout(timer));
}

// The cache that is complete (there is at most one once a fill has finished), with its manifest. Remembered
// while the worker runs, so a data request does not re-read the manifest.
let activeMemo = null;
function activeCache() {
  if (!activeMemo) activeMemo = findActiveCache().then((a) => { if (!a) activeMemo = null; return a; },
                                                       (e) => { activeMemo = null; throw e; });
  return activeMemo;
}
async function findActiveCache() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    if (await cache.match(COMPLETE)) {
      const m = await cache.match(url(MANIFEST));
      return { name, cache, manifest: m ? await m.json() : null };
    }
  }
  return null;
}

// The headers to keep with a body the worker has read: the browser has already undone any Content-Encoding
// (the server sends .br or .gz copies), so the stored body is the file itself and must not claim otherwise.
function storedHeaders(headers) {
  const out = new Headers(headers);
  out.delete("Content-Encoding");
  out.delete("Content-Length");
  return out;
}
async function keepable(response) {
  return new Response(await response.arrayBuffer(), { headers: storedHeaders(response.headers) });
}

// Fetches one data file and checks it against the manifest's sha256 (a server mid-update must not mix).
async function fetchChecked(entry) {
  const response = await fetchWithTimeout(url("data/" + entry.name), 30000);
  if (!response.ok) throw new Error(`data/${entry.name}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (entry.sha256 && (await sha256Hex(body)) !== entry.sha256) throw new Error(`data/${entry.name}: sha256 differs`);
  return new Response(body, { headers: storedHeaders(response.headers) });
}

let filling = null; // one fill at a time

// Fills the cache for this manifest's version completely, marks it complete, then deletes every other cache.
function fill(manifestText, { kiosk = false } = {}) {
  const run = async () => {
    const manifest = JSON.parse(manifestText);
    const version = String(manifest.dataset_version || "unknown");
    const name = PREFIX + version;
    const old = await activeCache();
    if (old && old.name === name) return old;
    const keepAll = kiosk || (old && !!(await old.cache.match(KIOSK)));
    const held = new Set();
    if (old) for (const req of await old.cache.keys()) { const r = rel(req.url); if (r) held.add(r); }
    await caches.delete(name); // a half-filled cache from an earlier attempt
    const cache = await caches.open(name);
    for (const file of SHELL) {
      const response = await fetchWithTimeout(url(file), 30000);
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      await cache.put(url(file), await keepable(response));
    }
    for (const entry of manifest.files || []) {
      if (entry.kind === "startup" || entry.kind === "details" || keepAll || held.has("data/" + entry.name))
        await cache.put(url("data/" + entry.name), await fetchChecked(entry));
    }
    await cache.put(url(MANIFEST), new Response(manifestText, { headers: { "Content-Type": "application/json" } }));
    if (keepAll) await cache.put(KIOSK, new Response("1"));
    await cache.put(COMPLETE, new Response(version));
    const now = { name, cache, manifest };
    activeMemo = Promise.resolve(now);
    for (const other of await caches.keys())
      if (other.startsWith(PREFIX) && other !== name) await caches.delete(other);
    return now;
  };
  filling = (filling || Promise.resolve()).catch(() => {}).then(run);
  return filling;
}

async function fillFromNetwork(options) {
  const response = await fetchWithTimeout(url(MANIFEST), 30000);
  if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
  return fill(await response.text(), options);
}

// Kiosk: add every data file of the current version to its (already complete) cache.
async function cacheEverything() {
  let active = await activeCache();
  if (!active) active = await fillFromNetwork({ kiosk: true });
  await active.cache.put(KIOSK, new Response("1"));
  for (const entry of active.manifest.files || []) {
    if (!(await active.cache.match(url("data/" + entry.name))))
      await active.cache.put(url("data/" + entry.name), await fetchChecked(entry));
  }
  return status();
}

async function status() {
  const active = await activeCache();
  if (!active) return { version: null, complete: false, cached: 0, total: 0 };
  const names = new Set((await active.cache.keys()).map((r) => rel(r.url)));
  const files = (active.manifest && active.manifest.files) || [];
  const cached = files.filter((f) => names.has("data/" + f.name)).length;
  return { version: active.manifest.dataset_version, complete: true, cached, total: files.length,
           kiosk: !!(await active.cache.match(KIOSK)) };
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(fillFromNetwork().catch((e) => console.warn("offline copy not made yet:", e)));
});

self.addEventListener("activate", (event) => { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", (event) => {
  const reply = (value) => event.ports[0] && event.ports[0].postMessage(value);
  const type = event.data && event.data.type;
  const work = type === "cache-everything" ? cacheEverything() : type === "status" ? status() : null;
  if (!work) return;
  event.waitUntil(work.then(reply, (e) => reply({ error: String(e) })));
});

async function manifestResponse(request) {
  const active = await activeCache();
  try {
    const response = await fetchWithTimeout(request);
    if (!response.ok) throw new Error("HTTP " + response.status);
    const text = await response.clone().text();
    const version = String(JSON.parse(text).dataset_version || "unknown");
    // The new version, all or nothing; a file that cannot be kept (a 404 details pack) must not take the
    // manifest away from the page, which then says what failed itself.
    if (!active || active.name !== PREFIX + version)
      await fill(text).catch((e) => console.warn("offline copy not made:", e));
    return response;
  } catch (e) {
    const cached = active && await active.cache.match(url(MANIFEST));
    if (cached) return cached;
    throw e;
  }
}

async function dataResponse(event, path) {
  const request = event.request;
  const active = await activeCache();
  const cached = active && await active.cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  const entry = active && active.manifest && (active.manifest.files || []).find((f) => "data/" + f.name === path);
  if (response.ok && entry) {
    // Kept for next time once checked, after the page has its copy (the page does not wait for this).
    const copy = response.clone();
    event.waitUntil(copy.arrayBuffer().then(async (body) => {
      if ((await sha256Hex(body)) === entry.sha256)
        await active.cache.put(request.url, new Response(body, { headers: storedHeaders(copy.headers) }));
    }).catch(() => {}));
  }
  return response;
}

async function shellResponse(event, key) {
  const request = event.request;
  try {
    // A navigation request cannot be re-made with options; fetch the page by its plain address instead.
    const response = await fetchWithTimeout(request.mode === "navigate" ? url(key) : request);
    if (response.ok) {
      // Kept for next time while the page already reads (and compiles) its copy.
      const copy = response.clone();
      event.waitUntil(activeCache().then(async (active) => {
        if (active) await active.cache.put(url(key), await keepable(copy));
      }).catch(() => {}));
    }
    return response;
  } catch (e) {
    const cached = await caches.match(url(key), { ignoreSearch: true });
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = rel(request.url.split("?")[0].split("#")[0]);
  if (path === null) return; // not ours: the browser does what it always does
  if (request.mode === "navigate" || path === "" || path === "index.html")
    event.respondWith(shellResponse(event, "index.html"));
  else if (path === MANIFEST) event.respondWith(manifestResponse(request));
  else if (path.startsWith("data/")) event.respondWith(dataResponse(event, path));
  else if (SHELL.includes(path)) event.respondWith(shellResponse(event, path));
});
