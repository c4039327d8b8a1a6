// web/touch.js — phones and touch screens: fingers reach the app as touches (so a drag scrolls and a tap
// taps), and a hidden real <input> over the text box being edited brings up the phone's keyboard.
// Depends on: window.hcf from index.html (state(), subscribe()), Module exports hcf_touch, hcf_edit_text,
// hcf_key, hcf_set_reduced_motion (src/web/js_bridge.cpp). Loaded before index.js; no npm packages.
// SPDX-License-Identifier: MIT
//
// Emscripten's GLFW turns a touch into a press at the last mouse position (touches carry no position there),
// so touches on the canvas stop here and go to the app through hcf_touch, which tells ImGui they come from a
// touch screen (src/ui/touch_scroll.cpp then scrolls on a drag). The hidden input is used only when the text
// box was activated by touch: with a mouse, keys go to the canvas as before. Keys typed into the hidden input
// (a phone's keyboard, or a keyboard plugged into a tablet) never reach the canvas, so nothing is typed twice.
"use strict";
(() => {
  const hcf = window.hcf;
  if (!hcf) return;
  const canvas = document.getElementById("canvas");
  const kiosk = () => hcf.state().kiosk === true; // the app reads the address; the kiosk has its own keypad
  const call = (name, ...args) => {
    if (!hcf.runtimeReady || typeof Module === "undefined" || !Module["_" + name]) return false;
    Module["_" + name](...args);
    return true;
  };
  const now = () => performance.now();

  // ---- touches ---------------------------------------------------------------------------------------------
  let pointer = "mouse"; // what last pressed: "mouse", "touch" or "pen"
  let finger = null;     // the identifier of the touch being followed (one finger at a time)
  window.addEventListener("pointerdown", (e) => {
    const was = pointer;
    pointer = e.pointerType || "mouse";
    if (pointer === "mouse" && was !== "mouse") call("hcf_touch", 4, 0, 0, 0);
  }, { capture: true, passive: true });

  // The finger's recent positions and the times the browser gave its events (not when they are handled: a
  // busy page handles them late), for the finger's speed as it lifts (the glide after a drag), CSS px a second.
  let trail = [];
  function fling(liftedAt) {
    const last = trail[trail.length - 1];
    if (!last || liftedAt - last.t > 100) return 0; // it rested before lifting: no glide
    const first = trail.find((p) => last.t - p.t <= 100) || last;
    return last.t > first.t ? ((last.y - first.y) / (last.t - first.t)) * 1000 : 0;
  }

  function onTouch(e) {
    if (e.target !== canvas) return;
    e.stopPropagation(); // GLFW would press at a stale position
    if (e.cancelable) e.preventDefault(); // no mouse events after the touch, no double-tap zoom
    pointer = "touch";
    const phase = { touchstart: 0, touchmove: 1, touchend: 2, touchcancel: 3 }[e.type];
    for (const t of e.changedTouches) {
      if (phase === 0 && finger === null) finger = t.identifier;
      // (the last finger lifting ends the touch even if the browser renumbered it)
      if (t.identifier !== finger && !(phase >= 2 && e.touches.length === 0 && finger !== null)) continue;
      // ImGui's GLFW backend reads GLFW's (mouse) cursor every frame until a mouse has entered the canvas,
      // which would undo every touch position: say the pointer is over the canvas first.
      if (phase === 0) { canvas.dispatchEvent(new MouseEvent("mouseenter")); trail = []; }
      if (phase < 2) trail.push({ t: e.timeStamp, y: t.clientY });
      if (trail.length > 20) trail.shift();
      call("hcf_touch", phase, t.clientX, t.clientY, phase === 2 ? fling(e.timeStamp) : 0);
      if (phase >= 2) {
        finger = null;
        if (phase === 2) tappedTextBox(t.clientX, t.clientY);
      }
    }
  }
  for (const type of ["touchstart", "touchmove", "touchend", "touchcancel"])
    window.addEventListener(type, onTouch, { capture: true, passive: false });

  // ---- the hidden input for the phone keyboard -----------------------------------------------------------------
  const style = document.createElement("style");
  style.textContent = `
    #hcf-ime { position: fixed; z-index: 5; margin: 0; padding: 0; border: 0; outline: none; opacity: 0;
               background: transparent; color: transparent; caret-color: transparent; pointer-events: none;
               font-size: 16px; /* 16 px or more: iOS does not zoom the page when it is focused */ }
    #hcf-ime[hidden] { display: none; }
  `;
  document.head.appendChild(style);
  const input = document.createElement("input");
  input.id = "hcf-ime";
  input.type = "text";
  input.hidden = true;
  input.spellcheck = false;
  input.setAttribute("autocorrect", "off");
  document.body.appendChild(input);

  let box = null;         // the text box being edited (state().ui.textActive) that the input stands for
  let lastEdit = -1e9;    // when the input last changed the text (ms)
  let sent = null;        // [value, selectionStart, selectionEnd] last sent
  let graceUntil = 0;     // after a tap on a text box, keep the input focused while the app catches up

  function configure(t) {
    const postcode = t.id === "postcode";
    input.setAttribute("inputmode", t.decimal ? "decimal" : "text");
    input.setAttribute("autocapitalize", t.uppercase || postcode ? "characters" : "sentences");
    input.setAttribute("autocomplete", postcode ? "postal-code" : "off");
    input.setAttribute("enterkeyhint", postcode ? "search" : "done");
    const label = (hcf.state().ui.items || []).find((i) => i.id === t.id);
    input.setAttribute("aria-label", label ? label.label : t.id);
    Object.assign(input.style, { left: t.x + "px", top: t.y + "px", width: Math.max(1, t.w) + "px",
                                 height: Math.max(1, t.h) + "px" });
  }

  function send() {
    if (!box) return;
    const v = input.value, a = input.selectionStart ?? v.length, b = input.selectionEnd ?? a;
    if (sent && sent[0] === v && sent[1] === a && sent[2] === b) return;
    sent = [v, a, b];
    lastEdit = now();
    if (typeof Module !== "undefined" && Module.ccall)
      Module.ccall("hcf_edit_text", null, ["string", "string", "number", "number"], [box.id, v, a, b]);
  }

  function focusInput(t) {
    box = t;
    configure(t);
    input.hidden = false;
    if (document.activeElement !== input) {
      input.value = t.value || "";
      sent = null;
      input.focus({ preventScroll: true });
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }

  function release() {
    box = null;
    graceUntil = 0;
    if (document.activeElement === input) input.blur();
    input.hidden = true;
  }

  // A tap that lands on a text box: focus the input now, inside the tap, which iOS needs to show a keyboard.
  function tappedTextBox(x, y) {
    if (kiosk()) return;
    const s = hcf.state(); // the copy index.html parsed once
    if (!s.ui) return;
    const t = (s.ui.items || []).find((i) => i.role === "textbox" && x >= i.x && x <= i.x + i.w &&
                                             y >= i.y && y <= i.y + i.h);
    if (!t) return;
    const active = s.ui.textActive && s.ui.textActive.id === t.id ? s.ui.textActive : null;
    if (document.activeElement === input) input.blur(); // again: a phone shows its keyboard on a new focus
    graceUntil = now() + 1500;
    focusInput(active || { id: t.id, value: t.value ?? "", x: t.x, y: t.y, w: t.w, h: t.h,
                           uppercase: t.id === "postcode" });
  }

  function sync() {
    const s = hcf.state(); // the copy index.html parsed once
    if (!s || !s.ui) return;
    const t = s.ui.textActive;
    const mirror = document.getElementById("hcf-mirror");
    const inMirror = mirror && mirror.contains(document.activeElement);
    if (t && !t.readOnly && !kiosk() && !inMirror && pointer !== "mouse") {
      graceUntil = 0;
      const fresh = !box || box.id !== t.id || document.activeElement !== input;
      focusInput(t);
      // The app changed the text itself (or this is the first sight of it): the input follows, unless the
      // person typed in the last half second and the app has not caught up yet.
      if (!fresh && input.value !== t.value && now() - lastEdit > 500) {
        input.value = t.value;
        sent = null;
      }
    } else if (box && now() > graceUntil) {
      release();
    }
  }

  input.addEventListener("input", (e) => {
    if (!box) return;
    if (box.uppercase && !e.isComposing) {
      const up = input.value.toUpperCase();
      if (up !== input.value) {
        const a = input.selectionStart, b = input.selectionEnd;
        input.value = up;
        input.setSelectionRange(a, b);
      }
    }
    send();
  });
  input.addEventListener("compositionend", () => input.dispatchEvent(new Event("input")));

  // Keys typed into the input are the input's: the canvas's handler (GLFW, on window) must not see them too.
  // Editing keys act in the input (its text goes to the app); Enter, Tab and Escape go to the app as keys.
  const keyToApp = (name) => Module.ccall("hcf_key", null, ["string"], [name]);
  function whenSynced(fn, tries = 40) {
    const s = hcf.state();
    const t = s.ui && s.ui.textActive;
    if (tries <= 0 || !t || !box || t.value === input.value) fn();
    else setTimeout(() => whenSynced(fn, tries - 1), 25);
  }
  for (const type of ["keydown", "keypress", "keyup"]) {
    window.addEventListener(type, (e) => {
      if (e.target !== input) return;
      e.stopImmediatePropagation();
      if (type === "keyup") { send(); return; } // the caret may have moved (arrows, Home, End)
      if (type !== "keydown") return;
      if (e.key === "Enter") {
        e.preventDefault();
        send();
        whenSynced(() => keyToApp("Enter"));
      } else if (e.key === "Tab") {
        e.preventDefault();
        keyToApp(e.shiftKey ? "ShiftTab" : "Tab");
      } else if (e.key === "Escape") {
        e.preventDefault();
        keyToApp("Escape");
      }
      call("hcf_wake");
    }, true);
  }

  // ---- reduced motion ----------------------------------------------------------------------------------------
  const motion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
  let motionSent = null;
  const sendMotion = () => {
    const reduce = motion && motion.matches ? 1 : 0;
    if (reduce !== motionSent && call("hcf_set_reduced_motion", reduce)) motionSent = reduce;
  };
  if (motion && motion.addEventListener) motion.addEventListener("change", sendMotion);

  // ---- orientation and the keyboard opening: draw again at once ------------------------------------------------
  const wake = () => call("hcf_wake");
  if (window.visualViewport) window.visualViewport.addEventListener("resize", wake);
  window.addEventListener("orientationchange", wake);

  hcf.subscribe(() => queueMicrotask(() => { sendMotion(); sync(); }));
  hcf.touch = { input, sync };
})();
