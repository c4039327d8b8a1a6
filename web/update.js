// web/update.js — "Update the data": the file picker, drag and drop, and the updated dataset kept in IndexedDB.
// Depends on: window.hcf (index.html) and the app's exports hcf_update_file, hcf_update_go, hcf_data_saved,
// hcf_data_forgotten (src/web/js_bridge.cpp). No npm packages.
// SPDX-License-Identifier: MIT
//
// The app compiles the CQC files a person picks (src/core/data_update.h) and hands back manifest.json,
// bundle.bin and details/*.bin. They are kept in one IndexedDB object store, written in one transaction with
// a "__complete__" entry, so a reload sees either the whole updated dataset or none of it. hcf.fetchFile asks
// read(name) first: while an updated dataset is kept, those files come from here, everything else (postcode
// files, the app itself) from the server or the offline copy. The kiosk reset and "Clear my information"
// clear localStorage and the session only: the updated dataset is the owner's and stays.
"use strict";
(() => {
  const DB_NAME = "hcf-data";
  const STORE = "files";
  const COMPLETE = "__complete__";
  const kiosk = new URLSearchParams(location.search).get("kiosk") === "1";

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

  let saving = [];
  const update = {
    // The bytes of a kept file (Uint8Array), or null when no updated dataset is kept (or no IndexedDB).
    async read(url) {
      const name = keptName(url);
      if (!name || !(await exists())) return null;
      let d;
      try { d = await db(); } catch (e) { return null; }
      const tx = d.transaction(STORE, "readonly");
      const store = tx.objectStore(STORE);
      const get = (key) => new Promise((resolve, reject) => {
        const r = store.get(key);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const [complete, bytes] = await Promise.all([get(COMPLETE), get(name)]);
      if (!complete) return null;
      if (!bytes) throw new Error("the updated data has no " + name);
      return new Uint8Array(bytes);
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
      if (kiosk) return;
      input.value = ""; // the same files again still count as a change
      input.click();
    },
    // Reads the files and gives them to the app, which compiles them step by step.
    async give(files) {
      if (kiosk || !window.hcf.runtimeReady || !files || !files.length) return;
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
        Module.ccall("hcf_data_saved", null, ["number", "string"], [1, ""]);
      } catch (e) {
        Module.ccall("hcf_data_saved", null, ["number", "string"], [0, String(e && e.name || e)]);
      }
    },
    // Deletes the database (not just its files): the browser is left as if no update had been made.
    async forget() {
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
  if (!kiosk) {
    const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
    window.addEventListener("dragover", (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = "copy"; } });
    window.addEventListener("drop", (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      update.give(Array.from(e.dataTransfer.files || []));
    });
  }
  const start = () => document.body.appendChild(input);
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
