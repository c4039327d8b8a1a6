// web/kiosk.js — kiosk mode (?kiosk=1): after a time with no input, a visible countdown, then a full reset
// that clears every trace of the session (storage, address, the app's memory) for the next person.
// Depends on: window.hcf from index.html (when(), the app's state); plain DOM. No npm packages.
// SPDX-License-Identifier: MIT
//
// The app reads the address (src/core/url_state.cpp) and says in its state whether this is a kiosk and its idle
// time (state.kiosk, state.embed.idleSeconds: ?idle=SECONDS, 10 to 3600, else the default); this file follows
// it and reads the address itself for nothing. The countdown lasts 30 seconds, or the idle time if shorter.
// In kiosk mode the app keeps only the kiosk's own settings in the address, so the reset reloads it as it is.
"use strict";
(() => {
  const hcf = window.hcf;
  if (!hcf) return;
  hcf.when((s) => s.embed !== undefined).then((s) => { if (s.kiosk) start(s.embed.idleSeconds); });

  // The idle timer, countdown and reset, once the app has said this is a kiosk.
  function start(idleSeconds) {
    // The QR codes to take things away are made by a module loaded when first used: a kiosk loads it now, so
    // it is there (and in the offline copy) before anyone asks for one.
    if (hcf.modules) hcf.modules.load("qr").catch(() => {});
    const countdownSeconds = Math.min(30, idleSeconds);

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
      location.reload(); // the address holds the kiosk's settings only (the app keeps it so)
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

    document.body.appendChild(overlay);
    activity();
    window.hcfKiosk = { idleSeconds, countdownSeconds, reset, activity };
  }
})();
