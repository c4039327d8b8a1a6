// web/update.js — "Update the data": the file picker, drag and drop, and the updated dataset kept in IndexedDB.
// Depends on: window.hcf (index.html) and the app's exports hcf_update_file, hcf_update_go, hcf_data_saved,
// hcf_data_forgotten (src/web/js_bridge.cpp); the compiler itself is the updater module (web/modules.js).
// No npm packages.
// SPDX-License-Identifier: MIT
//
// The app compiles the CQC files a person picks (src/core/data_update.h, in the updater module that
// web/modules.js loads when an update starts) and hands back manifest.json,
// bundle.bin and details/*.bin. They are kept in one IndexedDB object store, written in one transaction with
// a "__complete__" entry, so a reload sees either the whole updated dataset or none of it. hcf.fetchFile asks
// read(name) first: while an updated dataset is kept, those files come from here, everything else (postcode
// files, the app itself) from the server or the offline copy. The kiosk reset and "Clear my information"
// clear localStorage and the session only: the updated dataset is the owner's and stays.
// Before the first file is read the kept dataset is checked whole (its store, every file its marker lists, a
// manifest that reads, each file's SHA-256 against it) and compared with the service's own: a damaged one, or
// one older than the information this release came with (by CQC edition), is removed, the service's data is
// used and the owner is told (hcf_data_notice), so a bad saved update never stops the app.
"use strict";
(() => {
  const DB_NAME = "hcf-data";
  const STORE = "files";
  const COMPLETE = "__complete__";
  const kiosk = () => window.hcf.state().kiosk === true; // the app reads the address

  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        const req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = () => req.result.createObjectStore(STORE);
        req.onsuccess = () => {
          // Another tab restoring the bundled data deletes the database: let it.
          req.result.onversionchange = () => { req.result.close(); dbPromise = null; };
          resolve(req.result);
        };
        req.onerror = () => reject(req.error);
      }).catch((e) => { dbPromise = null; throw e; });
    }
    return dbPromise;
  }
  // Nothing is created in the browser until an update is saved: reading first checks the database exists
  // (where the browser can tell), so a visitor who never updates leaves no database behind.
  async function exists() {
    if (typeof indexedDB === "undefined") return false;
    if (!indexedDB.databases) return true;
    try { return (await indexedDB.databases()).some((d) => d.name === DB_NAME); } catch (e) { return true; }
  }
  const done = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  });

  // Files the updated dataset replaces ("data/bundle.bin" -> "bundle.bin"); postcode files never change.
  const keptName = (url) => {
    if (!url.startsWith("data/")) return null;
    const name = url.slice(5);
    return name === "manifest.json" || name === "bundle.bin" || name.startsWith("details/") ? name : null;
  };

  // Every entry of the store, read in one transaction: Map(key -> value).
  async function readAll(d) {
    if (!d.objectStoreNames.contains(STORE)) throw new Damaged("the saved update has no store of files");
    const store = d.transaction(STORE, "readonly").objectStore(STORE);
    const [keys, values] = await Promise.all(["getAllKeys", "getAll"].map((op) => new Promise((resolve, reject) => {
      const r = store[op]();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    })));
    return new Map(keys.map((k, i) => [k, values[i]]));
  }
  class Damaged extends Error {}
  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
  // The check runs as the page loads, before the app does: its notice reaches the app once it has started.
  const notice = (kind, detail) => window.hcf.when(() => true).then(() =>
    Module.ccall("hcf_data_notice", null, ["string", "string"], [kind, String(detail)]));

  // The kept dataset, checked whole: Map(name -> Uint8Array), or null when none is kept (or it was set aside).
  async function check() {
    if (!(await exists())) return null;
    let files;
    try {
      const entries = await readAll(await db());
      const marker = entries.get(COMPLETE);
      if (!marker) return null; // a save that never finished: nothing was kept
      const names = Array.isArray(marker.files) ? marker.files : [];
      if (!names.includes("manifest.json") || !names.includes("bundle.bin"))
        throw new Damaged("the saved update lists no manifest.json or bundle.bin");
      files = new Map();
      for (const name of names) {
        const bytes = entries.get(name);
        if (!(bytes instanceof ArrayBuffer)) throw new Damaged("the saved update has no " + name);
        files.set(name, new Uint8Array(bytes));
      }
      let manifest;
      try { manifest = JSON.parse(new TextDecoder().decode(files.get("manifest.json"))); } catch (e) { manifest = null; }
      if (!manifest || !Array.isArray(manifest.files)) throw new Damaged("the saved manifest.json cannot be read");
      for (const f of manifest.files) {
        const bytes = files.get(f.name);
        if (bytes && hex(await crypto.subtle.digest("SHA-256", bytes)) !== f.sha256)
          throw new Damaged("the saved " + f.name + " is not the one its manifest lists");
      }
      // The service's own information, when newer, replaces the owner's older update.
      const own = await fetch(window.hcf.base + "data/manifest.json").then((r) => (r.ok ? r.json() : null))
                                                                   .catch(() => null);
      if (own && own.cqc_edition && manifest.cqc_edition && own.cqc_edition > manifest.cqc_edition) {
        await forgetDatabase();
        notice("update_older", manifest.cqc_edition + " " + own.cqc_edition);
        return null;
      }
      return files;
    } catch (e) {
      if (!(e instanceof Damaged)) { console.warn("the saved update could not be read", e); return null; }
      console.warn("the saved update is damaged:", e.message);
      await forgetDatabase();
      notice("update_damaged", e.message);
      return null;
    }
  }
  // Looked at once per page, as the page loads (like the early fetches in index.html): by the time the app
  // asks for its data the answer is there, and the data reaches the app before its first frame instead of
  // after two frames drawn while "Loading".
  let checked = check();

  async function forgetDatabase() {
    try {
      if (dbPromise) (await dbPromise).close();
      dbPromise = null;
      await new Promise((resolve, reject) => {
        const req = indexedDB.deleteDatabase(DB_NAME);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        req.onblocked = () => resolve(); // deleted once other tabs close it; they no longer read it
      });
    } catch (e) { console.warn("could not delete the updated data", e); }
    checked = Promise.resolve(null);
  }

  let saving = [];
  let lastGiven = null; // the files last given to the app (File objects, read again for "Try again")
  const update = {
    // The bytes of a kept file (Uint8Array), or null when no updated dataset is kept (or no IndexedDB).
    async read(url) {
      const name = keptName(url);
      if (!name) return null;
      if (!checked) checked = check();
      const files = await checked;
      return files ? files.get(name) || null : null;
    },
    // Whether an updated dataset is kept: {on, files} (when it was saved, which files) or null.
    async kept() {
      if (!(await exists())) return null;
      try {
        const d = await db();
        const tx = d.transaction(STORE, "readonly");
        const r = tx.objectStore(STORE).get(COMPLETE);
        return await new Promise((resolve) => { r.onsuccess = () => resolve(r.result || null); r.onerror = () => resolve(null); });
      } catch (e) { return null; }
    },
    choose() {
      if (kiosk()) return;
      input.value = ""; // the same files again still count as a change
      input.click();
    },
    // Reads the files and gives them to the app, which compiles them step by step (in the updater module,
    // web/modules.js). The files are remembered for "Try again" when that module could not be downloaded.
    async give(files) {
      if (kiosk() || !window.hcf.runtimeReady || !files || !files.length) return;
      lastGiven = files;
      let all;
      try {
        all = await Promise.all(files.map((f) => f.arrayBuffer())); // all read, or none given to the app
      } catch (e) {
        console.warn("could not read the chosen files", e);
        return;
      }
      for (let i = 0; i < files.length; i++) {
        const f = files[i];
        const bytes = new Uint8Array(all[i]);
        all[i] = null;
        const ptr = Module._malloc(bytes.length || 1);
        HEAPU8.set(bytes, ptr);
        Module.ccall("hcf_update_file", null, ["string", "number", "number"], [f.name, ptr, bytes.length]);
        Module._free(ptr);
      }
      Module.ccall("hcf_update_go", null, [], []);
    },
    giveAgain() { if (lastGiven) update.give(lastGiven); },
    saveBegin() { saving = []; },
    saveFile(name, bytes) { saving.push([name, bytes]); },
    async saveCommit() {
      const files = saving;
      saving = [];
      try {
        const d = await db();
        const tx = d.transaction(STORE, "readwrite");
        const store = tx.objectStore(STORE);
        store.clear();
        for (const [name, bytes] of files) store.put(bytes.buffer, name);
        store.put({ on: new Date().toISOString(), files: files.map(([n]) => n) }, COMPLETE);
        await done(tx);
        checked = null; // read again (and checked) at the next load; this page uses what it built
        Module.ccall("hcf_data_saved", null, ["number", "string"], [1, ""]);
      } catch (e) {
        Module.ccall("hcf_data_saved", null, ["number", "string"], [0, String(e && e.name || e)]);
      }
    },
    // Deletes the database (not just its files): the browser is left as if no update had been made.
    async forget() {
      await forgetDatabase();
      Module.ccall("hcf_data_forgotten", null, [], []);
    },
  };
  window.hcf.update = update;

  // The file picker the "Choose files" button opens.
  const input = document.createElement("input");
  input.type = "file";
  input.multiple = true;
  input.accept = ".csv,text/csv";
  input.id = "hcf-update-files";
  input.hidden = true;
  input.tabIndex = -1;
  input.setAttribute("aria-hidden", "true");
  input.addEventListener("change", () => { update.give(Array.from(input.files || [])); });

  // Files dropped anywhere on the page (not in kiosk mode).
  const hasFiles = (e) => !kiosk() && e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  window.addEventListener("dragover", (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; } });
  window.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    update.give(Array.from(e.dataTransfer.files || []));
  });
  const start = () => document.body.appendChild(input);
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
