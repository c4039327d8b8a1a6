// web/modules.js — the parts of the app loaded only when used, each a WebAssembly module of its own built from
// the same core (cmake/web.cmake, src/modules/): the dataset compiler for "Update the data"
// (modules/updater.js) and the QR code generator (modules/qr.js, which kiosks load at start). The first
// download stays lean: a resident never downloads either.
// Depends on: window.hcf (index.html: base, fetching, checkSettled, update.read), the main module's Module.
// The app calls in through src/web/update_module.cpp and src/web/qr_module.cpp. No npm packages.
// SPDX-License-Identifier: MIT
//
// hcf.modules.ask(name) starts loading and says 0 (loading), 1 (loaded) or 2 (could not load); a module on its
// way counts in hcf.fetching, so hcf.settled() waits for it. tryAgain() asks again for what could not load.
// The service worker keeps these files for a kiosk, and any it was asked for (web/sw.js, kind "module").
"use strict";
(() => {
  const hcf = window.hcf;
  const FACTORY = { updater: "hcfUpdater", qr: "hcfQr" }; // each module's EXPORT_NAME (cmake/web.cmake)
  const loaded = new Map();  // name -> the module's instance
  const loading = new Map(); // name -> its promise
  const failed = new Set();
  const wake = () => { if (hcf.runtimeReady) Module._hcf_wake(); };

  const script = (src) => new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.async = true;
    s.onload = () => resolve();
    s.onerror = () => { s.remove(); reject(new Error(src + " did not load")); };
    document.head.appendChild(s);
  });

  function load(name) {
    if (loaded.has(name)) return Promise.resolve(loaded.get(name));
    if (!loading.has(name)) {
      failed.delete(name);
      hcf.fetching++;
      const dir = hcf.base + "modules/";
      const work = (async () => {
        if (!window[FACTORY[name]]) await script(dir + name + ".js");
        const instance = await window[FACTORY[name]]({
          locateFile: (file) => dir + file,
          print: (t) => console.log(t),
          printErr: (t) => console.warn(t),
        });
        loaded.set(name, instance);
        return instance;
      })();
      loading.set(name, work);
      work.catch((e) => { console.warn("could not load the " + name + " module:", e); failed.add(name); })
        .finally(() => { loading.delete(name); wake(); hcf.fetching--; hcf.checkSettled(); });
    }
    return loading.get(name);
  }

  hcf.modules = {
    load,
    get: (name) => loaded.get(name) || null,
    ask(name) {
      if (loaded.has(name)) return 1;
      if (failed.has(name)) return 2;
      load(name).catch(() => {});
      return 0;
    },
    tryAgain() {
      for (const name of [...failed]) load(name).catch(() => {});
      wake();
    },
  };

  // ---- "Update the data" in the updater module (src/modules/updater.module.cpp) -------------------------
  const putBytes = (m, bytes) => {
    const p = m._malloc(bytes.length || 1);
    m.HEAPU8.set(bytes, p);
    return p;
  };
  const putString = (m, text) => {
    const n = m.lengthBytesUTF8(text) + 1;
    const p = m._malloc(n);
    m.stringToUTF8(text, p, n);
    return p;
  };
  // A file of the dataset in use, as the app got it: the owner's kept update first, else this release's.
  async function dataFile(name) {
    const kept = hcf.update ? await hcf.update.read(name) : null;
    if (kept) return kept;
    const response = await fetch(hcf.base + name);
    if (!response.ok) throw new Error(name + ": HTTP " + response.status);
    return new Uint8Array(await response.arrayBuffer());
  }

  let job = null; // {files, today, state: 0 loading / 1 ready / 2 could not start, message, m: the module}
  hcf.updaterJob = {
    begin(today) { job = { files: [], today, state: 0, message: "", m: null }; },
    addFile(name, bytes) { job.files.push([name, bytes]); },
    go() {
      const j = job;
      hcf.fetching++;
      (async () => {
        const [m, manifest, bundle] = await Promise.all([
          load("updater"), dataFile("data/manifest.json"), dataFile("data/bundle.bin")]);
        if (job !== j) return; // ended meanwhile
        for (const [name, bytes] of j.files) {
          const n = putString(m, name), p = putBytes(m, bytes);
          m._upd_add_file(n, p, bytes.length);
          m._free(n); m._free(p);
        }
        j.files = [];
        const mp = putBytes(m, manifest), bp = putBytes(m, bundle), tp = putString(m, j.today);
        const why = m.UTF8ToString(m._upd_begin(mp, manifest.length, bp, bundle.length, tp));
        m._free(mp); m._free(bp); m._free(tp);
        j.m = m;
        if (why) { j.state = 2; j.message = why; } else j.state = 1;
      })().catch((e) => {
        console.warn("the update could not start:", e);
        j.files = [];
        j.state = 2;
      }).finally(() => { wake(); hcf.fetching--; hcf.checkSettled(); });
    },
    state: () => (job ? job.state : 2),
    get message() { return job ? job.message : ""; },
    call: (fn, ...a) => job.m["_" + fn](...a),
    text: (fn) => job.m.UTF8ToString(job.m["_" + fn]()),
    wantsFile(name) {
      const p = putString(job.m, name);
      const r = job.m._upd_wants_file(p);
      job.m._free(p);
      return r;
    },
    receiveFile(name, bytes) {
      const m = job.m, n = putString(m, name), p = putBytes(m, bytes);
      m._upd_receive_file(n, p, bytes.length);
      m._free(n); m._free(p);
    },
    receiveError(name, message) {
      const m = job.m, n = putString(m, name), t = putString(m, message);
      m._upd_receive_error(n, t);
      m._free(n); m._free(t);
    },
    resultName: (i) => job.m.UTF8ToString(job.m._upd_result_name(i)),
    resultBytes(i) {
      const p = job.m._upd_result_bytes(i);
      return job.m.HEAPU8.subarray(p, p + job.m._upd_result_size(i));
    },
    saved(ok, message) {
      const t = putString(job.m, message);
      job.m._upd_saved(ok, t);
      job.m._free(t);
    },
    end() {
      if (job && job.m) job.m._upd_end();
      job = null;
    },
  };
})();
