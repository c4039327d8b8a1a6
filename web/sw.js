// web/sw.js — the service worker: a returning visitor starts at once from the offline copy, a new release is
// fetched in the background and taken whole at the next load, and a tab keeps its own release until it reloads.
// Depends on: index.html naming its release (<meta name="hcf-release">) and r/<release>/release.json, the
// release's file list with SHA-256s (both written by scripts/release.mjs). No npm packages.
// SPDX-License-Identifier: MIT
//
// One cache per release ("hcf-r-<release>"). A release is kept whole or not at all: its code, page, startup
// data and details packs (and the district postcodes and on-demand modules the last release held, or every file
// on a kiosk, which keeps the areas' whole postcode files instead of the districts'), each checked against release.json, then a marker saying it is complete. Until then the release before serves.
// The page is answered from the newest complete release straight away (whatever the network is doing), and
// the network is asked in the background whether index.html names a newer one. Files in r/<release>/ come
// from that release's cache, else from the server's folder of that release: never from another release.
// The newest two releases are kept, so a tab still open on the one before keeps working.
"use strict";

const PREFIX = "hcf-r-";             // a release's cache
const COMPLETE = "__complete__";     // marker entry: {release.json, previous, announced}; the cache is whole
const KIOSK = "__kiosk__";           // marker entry: keep every data file of this release (kiosk mode)
const PAGE_RELEASE = /<meta name="hcf-release" content="([0-9a-f]{12})">/;
const FETCH_TIMEOUT_MS = 60000;      // a stalled download gives up, so a later check can try again

const scope = self.registration.scope;
const url = (rel) => new URL(rel, scope).href;
const rel = (href) => href.startsWith(scope) ? href.slice(scope.length) : null;
const releaseUrl = (id, name) => url(`r/${id}/${name}`);
// Where a release's file is kept: the root files (the page, its icons) by their own address.
const keyOf = (id, file) => file.kind === "root" ? url(file.name) : releaseUrl(id, file.name);

async function sha256Hex(buffer) {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

function fetchFresh(address, ms = FETCH_TIMEOUT_MS) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(address, { signal: controller.signal, cache: "no-cache" }).finally(() => clearTimeout(timer));
}

// The headers to keep with a body the worker has read: the browser has already undone any Content-Encoding
// (the server sends .br or .gz copies), so the stored body is the file itself and must not claim otherwise.
function storedHeaders(headers) {
  const out = new Headers(headers);
  out.delete("Content-Encoding");
  out.delete("Content-Length");
  return out;
}

// Every file of a release: release.json's "files", and its district postcode files, listed compactly as
// "postcodes": {"B13": [bytes, the SHA-256's first 16 hex digits]} (scripts/release.mjs).
const filesMemo = new WeakMap();
function releaseFiles(description) {
  if (!filesMemo.has(description)) {
    const districts = Object.entries(description.postcodes || {}).map(([d, [bytes, sha256]]) =>
      ({ name: `data/postcodes/${d}.txt`, bytes, sha256, kind: "postcodes" }));
    filesMemo.set(description, [...description.files, ...districts]);
  }
  return filesMemo.get(description);
}

// Runs job(item) for every item, at most `n` at once (a kiosk keeps thousands of small district files).
async function eachAtMost(n, items, job) {
  let next = 0;
  const worker = async () => { while (next < items.length) await job(items[next++]); };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

// Whether bytes are the file release.json names: the whole SHA-256, or its first 16 hex digits.
async function isFile(body, file) {
  const hex = await sha256Hex(body);
  return hex === file.sha256 || (file.sha256.length >= 16 && hex.startsWith(file.sha256));
}

// Fetches one file of a release and checks it against release.json.
async function fetchChecked(address, file) {
  const response = await fetchFresh(address);
  if (!response.ok) throw new Error(`${file.name}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (!(await isFile(body, file))) throw new Error(`${file.name}: not the release's file`);
  return new Response(body, { headers: storedHeaders(response.headers) });
}

// ---- the releases kept ----------------------------------------------------------------------------------

// Every complete release, newest first: { id, cache, marker } (marker.description is its release.json).
async function completeReleases() {
  const out = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    const m = await cache.match(COMPLETE);
    if (m) out.push({ id: name.slice(PREFIX.length), cache, marker: await m.json() });
  }
  return out.sort((a, b) => b.marker.completedAt - a.marker.completedAt);
}
let activeMemo = null; // the newest complete release, remembered while the worker runs
function activeRelease() {
  if (!activeMemo) activeMemo = completeReleases().then((all) => all[0] || null, () => null);
  return activeMemo;
}
async function releaseCache(id) {
  return (await caches.has(PREFIX + id)) ? caches.open(PREFIX + id) : null;
}

let filling = Promise.resolve(); // one fill at a time

// Tells the open pages that the offline copy changed (a release kept whole, a file added to it), so a page
// (and a test) can look again when it does instead of asking on a timer: hcf.offline.keptSince.
async function tellKept(what) {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true }))
    client.postMessage({ type: "kept", ...what });
}

// Keeps release `id` whole (page: the text of the index.html that names it, headers: its response's).
function fill(id, page, headers, { kiosk = false } = {}) {
  const run = async () => {
    const all = await completeReleases();
    if (all.some((r) => r.id === id)) return;
    const previous = all[0] || null;
    const response = await fetchFresh(releaseUrl(id, "release.json"));
    if (!response.ok) throw new Error(`release ${id}: release.json HTTP ${response.status}`);
    const description = await response.json();
    if (description.release !== id) throw new Error(`release ${id}: release.json names ${description.release}`);
    const cache = await caches.open(PREFIX + id); // what an interrupted fill kept is checked already
    const keepAll = kiosk || (previous && !!(await previous.cache.match(KIOSK)));
    const before = new Map(previous ? releaseFiles(previous.marker.description).map((f) => [f.name, f]) : []);
    await eachAtMost(8, releaseFiles(description), async (file) => {
      const key = keyOf(id, file);
      const held = before.get(file.name);
      // District postcodes and the modules loaded only when used (kind "module"): kept when the release before
      // held them, or on a kiosk; otherwise fetched (and kept) when the page asks.
      // A kiosk keeps each area's whole file and cuts districts out of it (districtFromArea), so it keeps no
      // district file; a resident's page never needs the area files.
      if (file.kind === "postcode-area" ? !keepAll : file.kind === "postcodes" && keepAll) return;
      const wanted = (file.kind !== "postcodes" && file.kind !== "module") || keepAll ||
                     (held && previous && !!(await previous.cache.match(keyOf(previous.id, held))));
      if (!wanted || file.name === "sw.js" || await cache.match(key)) return; // the browser keeps the worker
      if (file.name === "index.html") {
        const bytes = new TextEncoder().encode(page);
        if ((await sha256Hex(bytes)) !== file.sha256) throw new Error(`release ${id}: index.html changed meanwhile`);
        await cache.put(key, new Response(bytes, { headers: storedHeaders(headers) }));
        return;
      }
      // Unchanged since the release before: copied from its cache, not downloaded again.
      const same = held && held.sha256 === file.sha256 && await previous.cache.match(keyOf(previous.id, held));
      await cache.put(key, same || await fetchChecked(key, file));
    });
    if (keepAll) await cache.put(KIOSK, new Response("1"));
    const from = previous && { release: previous.id, dataset_version: previous.marker.description.dataset_version,
                               cqc_edition: previous.marker.description.cqc_edition };
    await cache.put(COMPLETE, new Response(JSON.stringify({ description, previous: from, announced: false,
                                                            completedAt: Date.now() })));
    activeMemo = null;
    await tellKept({ release: id });
    // The release before stays for tabs still open on it; older ones (and caches of older workers) go.
    const keep = new Set([PREFIX + id, previous ? PREFIX + previous.id : ""]);
    for (const name of await caches.keys()) if (name.startsWith("hcf-") && !keep.has(name)) await caches.delete(name);
  };
  filling = filling.catch(() => {}).then(run);
  return filling;
}

// Asks the network which release index.html names now, and keeps it whole when it is new.
async function checkForRelease(options) {
  const response = await fetchFresh(url("index.html"));
  if (!response.ok) throw new Error(`index.html: HTTP ${response.status}`);
  const page = await response.text();
  const m = page.match(PAGE_RELEASE);
  if (!m) throw new Error("index.html names no release");
  await fill(m[1], page, response.headers, options);
  return m[1];
}
const quietly = (work) => work.catch((e) => console.warn("offline copy not made yet:", String(e)));

// Kiosk: every data file of the release kept too.
async function cacheEverything() {
  let active = await activeRelease();
  if (!active) {
    await checkForRelease({ kiosk: true });
    active = await activeRelease();
  }
  await active.cache.put(KIOSK, new Response("1"));
  await eachAtMost(8, releaseFiles(active.marker.description), async (file) => {
    if (file.kind === "postcodes") return; // answered from the area's file (districtFromArea)
    const key = keyOf(active.id, file);
    if (!(await active.cache.match(key))) await active.cache.put(key, await fetchChecked(key, file));
  });
  await tellKept({ release: active.id, kiosk: true });
  return status();
}

// What is kept: {release, version, cqc_edition, complete, cached, total, kiosk} for the data files of the
// newest complete release, and `updatedFrom` (the release before) the first time a page of it asks
// (announce: the page's release).
async function status({ announce = null } = {}) {
  const active = await activeRelease();
  if (!active) return { release: null, version: null, complete: false, cached: 0, total: 0 };
  const d = active.marker.description;
  const keys = new Set((await active.cache.keys()).map((r) => r.url));
  const kiosk = !!(await active.cache.match(KIOSK));
  // A kiosk's data files hold the areas' whole postcode files; anyone else's, the district files.
  const data = releaseFiles(d).filter((f) => f.name.startsWith("data/") && f.name !== "data/manifest.json" &&
                                             f.kind !== (kiosk ? "postcodes" : "postcode-area"));
  const out = { release: active.id, version: d.dataset_version, cqc_edition: d.cqc_edition, complete: true,
                cached: data.filter((f) => keys.has(keyOf(active.id, f))).length, total: data.length,
                kiosk, updatedFrom: null };
  if (announce === active.id && !active.marker.announced && active.marker.previous) {
    out.updatedFrom = active.marker.previous;
    active.marker.announced = true;
    await active.cache.put(COMPLETE, new Response(JSON.stringify(active.marker)));
  }
  return out;
}

// ---- lifecycle and messages -------------------------------------------------------------------------

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(quietly(checkForRelease()));
});

self.addEventListener("activate", (event) => { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", (event) => {
  const reply = (value) => event.ports[0] && event.ports[0].postMessage(value);
  const data = event.data || {};
  const work = data.type === "cache-everything" ? cacheEverything()
             : data.type === "status" ? status({ announce: data.announce || null })
             : null;
  if (!work) return;
  // A page of a release this worker does not hold whole (it came from the network before the worker ran):
  // the network says which release is current, and that one is kept.
  if (data.announce) event.waitUntil(activeRelease().then((a) => a && a.id === data.announce ? null : quietly(checkForRelease())));
  event.waitUntil(work.then(reply, (e) => reply({ error: String(e) })));
});

// ---- answering the page -------------------------------------------------------------------------------

// The page: the newest complete release's at once, and a look in the background for a newer one. On a first
// visit the network's, and the release it names is kept for next time.
async function pageResponse(event) {
  const active = await activeRelease();
  const cached = active && await active.cache.match(url("index.html"));
  if (cached) {
    event.waitUntil(quietly(checkForRelease()));
    return cached;
  }
  const response = await fetch(url("index.html"), { cache: "no-cache" });
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(quietly(copy.text().then((page) => {
      const m = page.match(PAGE_RELEASE);
      return m ? fill(m[1], page, copy.headers) : null;
    })));
  }
  return response;
}

// A file of release `id`: from its cache, else from the server's folder of that release. A data file fetched
// on demand (a postcode area) is kept with its release once checked.
// A district's postcodes ("data/postcodes/B13.txt") cut from its area's whole file, when the cache holds that
// (a kiosk): its "#B13,..." line and the lines under it, as scripts/split-postcodes.mjs writes them. The app
// checks the count against the start-up data. null when the area's file is not kept.
async function districtFromArea(cache, id, name) {
  const m = name.match(/^data\/postcodes\/([A-Z]{1,2})([0-9][0-9A-Z]*)\.txt$/);
  const area = m && await cache.match(releaseUrl(id, `data/postcode-areas/${m[1]}.txt`));
  if (!area) return null;
  const text = (await area.text()).replace(/\r\n/g, "\n");
  const head = `#${m[1]}${m[2]},`;
  const at = text.startsWith(head) ? 0 : text.indexOf("\n" + head) + 1;
  if (at <= 0 && !text.startsWith(head)) return new Response("", { status: 404 });
  const end = text.indexOf("\n#", at);
  const block = end < 0 ? text.slice(at) : text.slice(at, end + 1);
  return new Response(block.endsWith("\n") ? block : block + "\n", { headers: { "Content-Type": "text/plain" } });
}

async function releaseFileResponse(event, id, name) {
  const cache = await releaseCache(id);
  const hit = cache && (await cache.match(releaseUrl(id, name)) || await districtFromArea(cache, id, name));
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok && cache) {
    const copy = response.clone();
    event.waitUntil((async () => {
      const marker = await cache.match(COMPLETE);
      const file = marker && releaseFiles((await marker.json()).description).find((f) => f.name === name);
      if (!file) return;
      const body = await copy.arrayBuffer();
      if (!(await isFile(body, file))) return;
      await cache.put(releaseUrl(id, name), new Response(body, { headers: storedHeaders(copy.headers) }));
      await tellKept({ release: id, name });
    })().catch(() => {}));
  }
  return response;
}

// The root's other files (the web app manifest, icons): the newest release's copy, else the network.
async function rootFileResponse(event, path) {
  const active = await activeRelease();
  const hit = active && await active.cache.match(url(path));
  return hit || fetch(event.request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = rel(request.url.split("?")[0].split("#")[0]);
  if (path === null) return; // not ours: the browser does what it always does
  const inRelease = path.match(/^r\/([0-9a-f]{12})\/(.+)$/);
  if (request.mode === "navigate" && (path === "" || path === "index.html")) event.respondWith(pageResponse(event));
  else if (inRelease) event.respondWith(releaseFileResponse(event, inRelease[1], inRelease[2]));
  else if (path === "manifest.webmanifest" || path.startsWith("icons/")) event.respondWith(rootFileResponse(event, path));
});
