// web/a11y.js — the accessible mirror: real HTML controls, hidden from sight, kept in step with the canvas.
// Depends on: window.hcf from index.html (state(), subscribe(), activate(), setText()); no npm packages.
// SPDX-License-Identifier: MIT
//
// The ImGui canvas is invisible to screen readers. Every frame the app publishes what it drew
// (state().ui.items: headings, buttons, links, check boxes, text boxes, alerts, notes); this file turns that
// list into real <h1>-<h3>, <button>, <a>, <input> elements that screen readers read and operate. Activating
// one calls hcf.activate(id), so the canvas and the mirror do the same thing. Elements are kept by id and
// changed in place, so keyboard focus stays put while the canvas redraws. A yellow box drawn over the canvas
// shows sighted keyboard users where focus is.
"use strict";
(() => {
  const hcf = window.hcf;
  if (!hcf) return;

  const style = document.createElement("style");
  style.textContent = `
    .hcf-sr { position: absolute !important; width: 1px !important; height: 1px !important; margin: -1px !important;
              padding: 0 !important; border: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important;
              clip-path: inset(50%) !important; white-space: nowrap !important; }
    #hcf-focus { position: fixed; pointer-events: none; display: none; z-index: 10; box-sizing: border-box;
                 border: 3px solid #ffdd00; outline: 3px solid #0b0c0c; border-radius: 2px;
                 transition: top 0.1s, left 0.1s, width 0.1s, height 0.1s; }
    @media (prefers-reduced-motion: reduce) { #hcf-focus { transition: none; } }
    @media (prefers-contrast: more) { #hcf-focus { border-width: 5px; outline-width: 4px; } }
    @media (forced-colors: active) { #hcf-focus { border-color: Highlight; outline-color: CanvasText; } }
  `;
  document.head.appendChild(style);

  // The mirror itself, a live region for results and errors, and the visible focus box.
  const mirror = document.createElement("main");
  mirror.id = "hcf-mirror";
  mirror.className = "hcf-sr";
  const live = document.createElement("div");
  live.id = "hcf-live";
  live.className = "hcf-sr";
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  const ring = document.createElement("div");
  ring.id = "hcf-focus";
  ring.setAttribute("aria-hidden", "true");
  document.body.append(mirror, live, ring);
  // The mirror is the keyboard's way in, from the first Tab: the canvas is never a Tab stop of its own (its
  // ImGui Tab would cycle only the header). A click still focuses it; Tab from there comes to the mirror.
  const canvasEl = document.getElementById("canvas");
  if (canvasEl) canvasEl.tabIndex = -1;

  const byKey = new Map(); // key ("id" or "id#2" for repeats) -> { el, role, item, focusable }
  let lastSummary = "";
  let lastMessage = "";
  let lastUpdate = "";
  let pendingMessage = "";
  let lastScreen = null;
  let headingDue = false; // the screen changed while the person was in the mirror: focus its heading
  let live_ = false;
  let saidAt = 0; // when the live region was last given words

  const domId = (key) => "hcf-m-" + key.replace(/[^A-Za-z0-9_-]/g, "_");

  // Builds the element for one item; returns { el, focusable } (focusable: the element that takes focus).
  function create(item, key) {
    const activate = (e) => { if (e) e.preventDefault(); hcf.activate(item.id); };
    switch (item.role) {
      case "heading": {
        const level = Math.min(Math.max(item.level || 2, 1), 6);
        const el = document.createElement("h" + level);
        if (level === 1) el.tabIndex = -1; // focus lands here when the screen changes
        return { el, focusable: el };
      }
      case "button":
      case "radio": {
        const el = document.createElement("button");
        el.type = "button";
        el.addEventListener("click", activate);
        return { el, focusable: el };
      }
      case "link": {
        const el = document.createElement("a");
        el.href = "#" + encodeURIComponent(item.id);
        el.addEventListener("click", activate);
        return { el, focusable: el };
      }
      case "checkbox": {
        const el = document.createElement("div");
        const input = document.createElement("input");
        input.type = "checkbox";
        input.id = domId(key);
        const label = document.createElement("label");
        label.htmlFor = input.id;
        // The app owns the value: undo the browser's toggle and let the next frame set it.
        input.addEventListener("click", () => { hcf.activate(item.id); });
        el.append(input, label);
        return { el, focusable: input };
      }
      case "textbox": {
        // A real text box for every box the app draws: typing goes to the app through hcf.setText.
        const el = document.createElement("div");
        const input = document.createElement("input");
        input.type = "text";
        input.id = domId(key);
        input.spellcheck = false;
        if (item.id === "postcode") {
          input.autocomplete = "postal-code";
          input.setAttribute("autocapitalize", "characters");
        } else {
          input.autocomplete = "off";
        }
        if (item.readOnly) input.readOnly = true;
        const label = document.createElement("label");
        label.htmlFor = input.id;
        input.addEventListener("input", () => {
          hcf.setText(item.id, item.id === "postcode" ? input.value.toUpperCase() : input.value);
        });
        el.append(label, input);
        return { el, focusable: input };
      }
      case "alert": {
        const el = document.createElement("p");
        el.setAttribute("role", "alert");
        return { el, focusable: null };
      }
      case "img": {
        const el = document.createElement("div");
        el.setAttribute("role", "img");
        return { el, focusable: null };
      }
      default:
        break;
    }
    return { el: document.createElement("p"), focusable: null };
  }

  // Changes an element only where it differs from the item (so nothing flickers or loses focus).
  function refresh(entry, item, s) {
    const { el, focusable } = entry;
    const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
    entry.item = item;
    switch (item.role) {
      case "checkbox": {
        setText(el.querySelector("label"), item.label);
        if (focusable.checked !== !!item.checked) focusable.checked = !!item.checked;
        break;
      }
      case "textbox": {
        setText(el.querySelector("label"), item.label);
        const value = item.value ?? "";
        if (document.activeElement !== focusable && focusable.value !== value) focusable.value = value;
        if (item.id === "postcode") {
          const error = s.ui.items.some((i) => i.role === "alert");
          const describedBy = error ? domId("error") : "";
          if ((focusable.getAttribute("aria-describedby") || "") !== describedBy) {
            if (describedBy) focusable.setAttribute("aria-describedby", describedBy);
            else focusable.removeAttribute("aria-describedby");
          }
          if (focusable.getAttribute("aria-invalid") !== String(error)) focusable.setAttribute("aria-invalid", String(error));
        }
        break;
      }
      case "img":
        if (el.getAttribute("aria-label") !== item.label) el.setAttribute("aria-label", item.label);
        break;
      case "radio":
        setText(el, item.label);
        if ("checked" in item && el.getAttribute("aria-pressed") !== String(!!item.checked))
          el.setAttribute("aria-pressed", String(!!item.checked));
        break;
      default:
        // A fact's label and value are said together ("Phone: 020 8529 1234").
        setText(el, item.prefix ? item.prefix + ": " + item.label : item.label);
    }
    // "Add to shortlist" says which agency: described by that row's name link.
    const row = /^add\.(.+)$/.exec(item.id);
    if (row && el.getAttribute("aria-describedby") !== domId("result." + row[1]))
      el.setAttribute("aria-describedby", domId("result." + row[1]));
  }

  // Tables (the shortlist's comparison): kept by id, with their rows and cells, changed in place like items.
  // Row 0 holds the column headers (an agency each), column 0 the row headers (a question each).
  const tables = new Map(); // id -> { el, body, rows: Map(row -> { tr, cells: Map(col -> cell) }) }
  function tableFor(id) {
    let t = tables.get(id);
    if (!t) {
      const el = document.createElement("table");
      el.id = domId("table." + id);
      el.dataset.hcfTable = id;
      const body = document.createElement("tbody");
      el.append(body);
      t = { el, body, rows: new Map() };
      tables.set(id, t);
    }
    return t;
  }
  function cellFor(t, row, col) {
    let r = t.rows.get(row);
    if (!r) { r = { tr: document.createElement("tr"), cells: new Map() }; t.rows.set(row, r); }
    let cell = r.cells.get(col);
    if (!cell) {
      cell = document.createElement(row === 0 || col === 0 ? "th" : "td");
      if (row === 0 && col > 0) cell.scope = "col";
      else if (col === 0 && row > 0) cell.scope = "row";
      r.cells.set(col, cell);
    }
    return cell;
  }
  // Makes parent's children exactly these, in this order, moving as few as possible. True if any moved.
  function place(parent, children) {
    let moved = false;
    for (let i = 0; i < children.length; i++) {
      const at = parent.children[i] || null;
      if (at !== children[i]) { parent.insertBefore(children[i], at); moved = true; }
    }
    while (parent.children.length > children.length) { parent.lastElementChild.remove(); moved = true; }
    return moved;
  }

  function kindOf(item) {
    return item.role + (item.level || "") + (item.readOnly ? "-readonly" : "");
  }

  function update() {
    const s = hcf.state(); // the copy index.html parsed once
    if (!s || !s.ui) return; // from the first frame: the start screen works, and a failed load says why
    const items = s.ui.items || [];
    const seen = new Map();
    const wanted = [];
    const placed = new Set();    // elements inside a table's cells
    const usedTables = new Map(); // table -> row -> col -> { cell, children }
    const active = document.activeElement;
    let focusedKey = null;
    for (const [key, entry] of byKey) if (entry.el.contains(active) && active !== document.body) focusedKey = key;
    // The Tab stops in reading order before this update, so a focused control that goes can pass focus on.
    const stopsBefore = focusedKey ? tabStops().map((e) => e.key) : [];

    for (const item of items) {
      const n = (seen.get(item.id) || 0) + 1;
      seen.set(item.id, n);
      const key = n === 1 ? item.id : item.id + "#" + n;
      let entry = byKey.get(key);
      if (entry && entry.kind !== kindOf(item)) { entry.el.remove(); byKey.delete(key); entry = null; }
      if (!entry) {
        entry = { ...create(item, key), kind: kindOf(item) };
        entry.el.id = entry.focusable && entry.focusable !== entry.el ? domId(key) + "-row" : domId(key);
        entry.el.dataset.hcfId = item.id;
        entry.key = key;
        byKey.set(key, entry);
      }
      refresh(entry, item, s);
      if (item.table) { // a cell of a table drawn on the canvas: a real <table>, read row by row
        const t = tableFor(item.table);
        if (!usedTables.has(t)) { usedTables.set(t, new Map()); wanted.push(t.el); }
        const cell = cellFor(t, item.row, item.col);
        const rows = usedTables.get(t);
        if (!rows.has(item.row)) rows.set(item.row, new Map());
        const cells = rows.get(item.row);
        if (!cells.has(item.col)) cells.set(item.col, { cell, children: [] });
        cells.get(item.col).children.push(entry.el);
        placed.add(entry.el);
      } else {
        wanted.push(entry.el);
      }
    }
    const keep = new Set([...wanted, ...placed]);
    for (const [key, entry] of byKey)
      if (!keep.has(entry.el)) { entry.el.remove(); byKey.delete(key); }
    for (const [id, t] of tables)
      if (!usedTables.has(t)) { t.el.remove(); tables.delete(id); }

    // Put elements in drawing order, moving as few as possible; focus comes back to the same control.
    let moved = place(mirror, wanted);
    for (const [t, rows] of usedTables) {
      const order = [...rows.keys()].sort((a, b) => a - b);
      moved = place(t.body, order.map((r) => t.rows.get(r).tr)) || moved;
      for (const r of order) {
        const cols = [...rows.get(r).keys()].sort((a, b) => a - b);
        moved = place(t.rows.get(r).tr, cols.map((c) => rows.get(r).get(c).cell)) || moved;
        for (const c of cols) moved = place(rows.get(r).get(c).cell, rows.get(r).get(c).children) || moved;
      }
    }
    // Focus stays on the same control when its element was moved or made again (an item that changed kind).
    // If the control went from this screen (a result filtered out, late data redrawing a list), focus goes on
    // to the control after it, else the one before, else the heading: a keyboard or screen-reader user is
    // never dropped onto the page, where the next Tab would start again from the top or leave the page.
    if (focusedKey && s.screen === lastScreen) {
      const kept = (key) => { const f = byKey.get(key)?.focusable; return f && f.isConnected ? f : null; };
      const at = stopsBefore.indexOf(focusedKey);
      const next = kept(focusedKey) ||
                   stopsBefore.slice(at + 1).map(kept).find(Boolean) ||
                   stopsBefore.slice(0, Math.max(at, 0)).reverse().map(kept).find(Boolean) ||
                   byKey.get("title")?.el;
      if (next && !next.contains(document.activeElement)) next.focus({ preventScroll: true });
    }

    // The tab's title names the screen drawn (the app works it out once that screen's heading is drawn).
    if (s.title && document.title !== s.title) document.title = s.title;
    // A new screen: say so (focus on its heading) if the person was using the mirror.
    const h1 = items.find((i) => i.role === "heading" && i.level === 1);
    // The heading may be drawn a frame after the screen changes: until then the move waits (headingDue).
    if (s.screen !== lastScreen) {
      headingDue = lastScreen !== null && (focusedKey !== null || document.activeElement === document.body);
      lastScreen = s.screen;
    }
    if (headingDue && h1 && byKey.has("title")) {
      headingDue = false;
      byKey.get("title").el.focus({ preventScroll: true });
    }

    // Announce the result summary and errors when they change.
    const summary = (s.search && s.search.summary) || "";
    const message = s.message || "";
    const say = [];
    if (summary && summary !== lastSummary) say.push(summary);
    // An error shown as role="alert" is read out by that element: saying it here too doubles it. The alert may
    // be drawn a frame after the message is set, so a new message waits one look before it is said.
    const alerted = items.some((i) => i.role === "alert" && i.label === message);
    if (message !== lastMessage) {
      if (!message || alerted || message === summary) lastMessage = message;
      else if (message === pendingMessage) { say.push(message); lastMessage = message; }
      else { pendingMessage = message; setTimeout(update, 200); }
    }
    lastSummary = summary;
    // "Update the data": each step and the result (an error is an alert, read out by its element).
    const upd = s.update && !s.update.failed ? (s.update.active ? s.update.words : s.update.message) : "";
    if (upd && upd !== lastUpdate) say.push(upd);
    lastUpdate = upd;
    // What follows within a moment (the place, a second after its results) joins what was just said rather
    // than replacing it, so the results are never cut off by a note about them.
    if (say.length) {
      const now = Date.now();
      const joined = now - saidAt < 1500 && live.textContent ? [live.textContent, ...say] : say;
      live.textContent = joined.join(". ");
      saidAt = now;
    }

    if (!contrastSent) { contrastSent = true; sendContrast(); }
    if (!live_ && items.length) {
      live_ = true;
      const canvas = document.getElementById("canvas");
      if (canvas) canvas.setAttribute("aria-hidden", "true");
    }
    document.documentElement.dataset.hcfKiosk = s.kiosk ? "1" : "0";
    placeRing();
  }

  // Shows the focus box over the canvas at the focused control's item.
  function placeRing() {
    const active = document.activeElement;
    let item = null;
    for (const entry of byKey.values())
      if (entry.focusable && entry.focusable === active) item = entry.item;
    if (!item || item.w <= 0 || item.h <= 0) { ring.style.display = "none"; return; }
    const pad = 3;
    Object.assign(ring.style, {
      display: "block", left: item.x - pad + "px", top: item.y - pad + "px",
      width: item.w + pad * 2 + "px", height: item.h + pad * 2 + "px",
    });
  }

  // Scrolls the page so the focused control is in view (the app works out by how much: src/ui/widgets.cpp).
  function scrollToFocused() {
    const active = document.activeElement;
    let item = null;
    for (const entry of byKey.values()) if (entry.focusable === active) item = entry.item;
    if (item && hcf.runtimeReady && typeof Module !== "undefined" && Module._hcf_reveal)
      Module.ccall("hcf_reveal", null, ["string"], [item.id]);
  }

  // The device's "more contrast" setting switches the app's high contrast on (not stored: it follows the device).
  const moreContrast = window.matchMedia ? window.matchMedia("(prefers-contrast: more)") : null;
  let contrastSent = false;
  function sendContrast() {
    if (moreContrast && typeof Module !== "undefined" && Module._hcf_set_system_contrast)
      Module._hcf_set_system_contrast(moreContrast.matches ? 1 : 0);
  }
  if (moreContrast && moreContrast.addEventListener) moreContrast.addEventListener("change", sendContrast);

  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    Promise.resolve().then(() => { pending = false; update(); });
  };
  hcf.subscribe(schedule);
  mirror.addEventListener("focusin", () => { headingDue = false; placeRing(); scrollToFocused(); });
  mirror.addEventListener("focusout", () => setTimeout(placeRing, 0));

  // Tab from outside the mirror. The canvas's keyboard handler (registered on window by Emscripten's GLFW)
  // swallows Tab, and ImGui's own Tab cycles only the header: a keyboard user could never get in. So Tab from
  // the page (a fresh load, or a control that has gone), the canvas (after a click) or the phone keyboard's
  // hidden input (web/touch.js) goes into the mirror, in reading order from where the person was: after
  // (Shift: before) the control they last clicked, typed in or had focus on, or the words they clicked.
  let from = { at: null, before: null, after: null }; // item ids: that control, the ones either side of it
  function tabStops() {
    const stops = [];
    for (const entry of byKey.values())
      if (entry.focusable && entry.focusable.tabIndex >= 0 && entry.focusable.isConnected) stops.push(entry);
    return stops.sort((a, b) => (a.focusable.compareDocumentPosition(b.focusable) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }
  const idOf = (stop) => (stop ? stop.item.id : null);
  window.addEventListener("pointerdown", (e) => {
    if (!(e.target instanceof Element) || e.target.id !== "canvas") return;
    const x = e.clientX, y = e.clientY;
    const stops = tabStops();
    const at = stops.findIndex((s) => x >= s.item.x && x <= s.item.x + s.item.w && y >= s.item.y && y <= s.item.y + s.item.h);
    let after = stops.findIndex((s) => s.item.y > y || (s.item.y + s.item.h > y && s.item.x > x));
    if (after < 0) after = stops.length;
    from = at >= 0 ? { at: idOf(stops[at]), before: idOf(stops[at - 1]), after: idOf(stops[at + 1]) }
                   : { at: null, before: idOf(stops[after - 1]), after: idOf(stops[after]) };
  }, true);
  mirror.addEventListener("focusin", (e) => {
    const stops = tabStops();
    const i = stops.findIndex((s) => s.focusable === e.target);
    if (i >= 0) from = { at: idOf(stops[i]), before: idOf(stops[i - 1]), after: idOf(stops[i + 1]) };
  });
  function tabIntoMirror(back, target) {
    const stops = tabStops();
    if (!stops.length) return false;
    let { at, before, after } = from;
    if (target.id === "hcf-ime") { // typing in a text box: on from that box
      let s = null;
      try { s = hcf.state(); } catch (e) { /* not running yet */ }
      at = s && s.ui && s.ui.textActive ? s.ui.textActive.id : null;
    }
    const find = (id) => (id === null ? -1 : stops.findIndex((s) => s.item.id === id));
    let next;
    const i = find(at);
    if (i >= 0) next = stops[back ? i - 1 : i + 1];
    else if (find(back ? before : after) >= 0) next = stops[find(back ? before : after)];
    else next = back ? stops[stops.length - 1] : stops[0];
    if (!next) return false; // past either end: the browser takes focus on (to its address bar)
    next.focusable.focus();
    return true;
  }
  window.addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || e.ctrlKey || e.altKey || e.metaKey) return;
    const t = e.target;
    if (t instanceof Node && mirror.contains(t)) return; // the browser moves on through the mirror
    const page = !(t instanceof Element) || t === document.body || t === document.documentElement;
    if (!page && t.id !== "canvas" && t.id !== "hcf-ime") return;
    e.stopImmediatePropagation();
    if (tabIntoMirror(e.shiftKey, t)) e.preventDefault();
  }, true);

  // Keys typed in the mirror belong to the mirror: the canvas's keyboard handler (registered on window by
  // Emscripten's GLFW) would otherwise swallow Tab and Backspace. This listener runs first.
  for (const type of ["keydown", "keypress", "keyup"]) {
    window.addEventListener(type, (e) => {
      if (!(e.target instanceof Node) || !mirror.contains(e.target)) return;
      e.stopImmediatePropagation();
      if (window.hcfKiosk) window.hcfKiosk.activity(); // a key press is someone there (kiosk idle timer)
      if (type !== "keydown") return;
      if (e.key === "Escape") {
        if (byKey.has("back")) { e.preventDefault(); hcf.activate("back"); }
      } else if (e.key === "Enter" && e.target.id === domId("postcode")) {
        e.preventDefault();
        hcf.setText("postcode", e.target.value.toUpperCase());
        hcf.activate("postcode"); // Enter in the box: the app searches, as for Enter in its own box
      } else if (e.key === " " && e.target.tagName === "A") {
        e.preventDefault(); // Space on a link acts like a button here, since links open screens in the app
        e.target.click();
      }
      if (window.hcf.runtimeReady && typeof Module !== "undefined" && Module._hcf_wake) Module._hcf_wake();
    }, true);
  }
  window.addEventListener("resize", () => placeRing());

  // heard(): the message the mirror has dealt with (said, or left to its alert), so a test can wait for it.
  hcf.mirror = { update, element: mirror, live, heard: () => lastMessage };
})();
