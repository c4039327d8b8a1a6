// web/kiosk.js — kiosk mode (?kiosk=1): after a time with no input, a visible countdown, then a full reset
// that clears every trace of the session (storage, address, the app's memory) for the next person.
// Depends on: nothing (plain DOM); index.html loads it before the app. No npm packages.
// SPDX-License-Identifier: MIT
//
// ?idle=SECONDS sets the idle time (whole seconds, 10 to 3600; anything else means the default, 120).
// The countdown lasts 30 seconds, or the idle time if that is shorter.
"use strict";
(() => {
  const params = new URLSearchParams(location.search);
  if (params.get("kiosk") !== "1") return;

  const DEFAULT_IDLE = 120;
  const raw = params.get("idle");
  const idleSeconds = raw !== null && /^\d{2,4}$/.test(raw) && +raw >= 10 && +raw <= 3600 ? +raw : DEFAULT_IDLE;
  const countdownSeconds = Math.min(30, idleSeconds);
  // The address to come back to: kiosk mode (and a valid idle time) only, read before the app rewrites it.
  const bare = location.pathname + "?kiosk=1" + (idleSeconds !== DEFAULT_IDLE ? "&idle=" + idleSeconds : "");

  const style = document.createElement("style");
  style.textContent = `
    #hcf-kiosk-reset { position: fixed; inset: 0; z-index: 20; display: flex; align-items: center;
                       justify-content: center; background: rgba(11, 12, 12, 0.6); }
    #hcf-kiosk-reset[hidden] { display: none; }
    #hcf-kiosk-reset > div { background: #ffffff; color: #0b0c0c; max-width: 36rem; margin: 1rem; padding: 2rem;
                             border: 5px solid #0b0c0c; font: 24px/1.4 system-ui, sans-serif; }
    #hcf-kiosk-reset h2 { font-size: 32px; margin: 0 0 1rem; }
    #hcf-kiosk-reset button { font: bold 24px system-ui, sans-serif; min-height: 64px; min-width: 44px;
                              padding: 0 2rem; margin-top: 1rem; color: #ffffff; background: #00703c;
                              border: 0; box-shadow: 0 4px 0 #002d18; cursor: pointer; }
    #hcf-kiosk-reset button:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
  `;
  document.head.appendChild(style);

  const overlay = document.createElement("div");
  overlay.id = "hcf-kiosk-reset";
  overlay.hidden = true;
  overlay.setAttribute("role", "alertdialog");
  overlay.setAttribute("aria-modal", "true");
  overlay.setAttribute("aria-labelledby", "hcf-kiosk-title");
  overlay.setAttribute("aria-describedby", "hcf-kiosk-text");
  overlay.innerHTML = '<div><h2 id="hcf-kiosk-title">Are you still there?</h2><p id="hcf-kiosk-text"></p>' +
                      '<button type="button">Carry on</button></div>';
  const text = overlay.querySelector("p");
  const button = overlay.querySelector("button");

  let idleTimer = 0, tick = 0, left = 0, resetting = false;
  const say = () => {
    text.textContent = `This screen will reset in ${left} second${left === 1 ? "" : "s"}. Touch the screen to carry on.`;
  };

  function reset() {
    resetting = true;
    try { localStorage.clear(); } catch (e) { /* storage switched off: nothing kept */ }
    try { sessionStorage.clear(); } catch (e) { /* as above */ }
    history.replaceState(null, "", bare);
    location.reload();
  }

  function warn() {
    left = countdownSeconds;
    say();
    overlay.hidden = false;
    button.focus();
    tick = setInterval(() => {
      left -= 1;
      if (left <= 0) { clearInterval(tick); reset(); } else say();
    }, 1000);
  }

  function activity() {
    if (resetting) return;
    if (!overlay.hidden) { overlay.hidden = true; clearInterval(tick); }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(warn, idleSeconds * 1000);
  }

  // Full screen from the first touch (browsers allow it only after one). A kiosk started with Chromium's
  // --kiosk flag is full screen already; a reset reloads the page, and the next touch asks again.
  function fullScreen() {
    const root = document.documentElement;
    if (document.fullscreenElement || !document.fullscreenEnabled || !root.requestFullscreen) return;
    root.requestFullscreen({ navigationUI: "hide" }).catch(() => { /* refused: the page still works */ });
  }
  window.addEventListener("pointerdown", fullScreen, { capture: true, passive: true });

  button.addEventListener("click", activity);
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart", "input"])
    window.addEventListener(type, activity, { capture: true, passive: true });

  const start = () => { document.body.appendChild(overlay); activity(); };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  window.hcfKiosk = { idleSeconds, countdownSeconds, bare, reset, activity };
})();
