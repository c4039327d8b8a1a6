// web/embed.js — living inside a council's page: tell the host frame how tall the content is, and take the
// council's header colour (?theme=, checked by the app) for the browser's own bar.
// Depends on: window.hcf from index.html (state(), subscribe()). No npm packages.
// SPDX-License-Identifier: MIT
//
// The tool always fills its frame and redraws when the frame changes size, so a fixed-height frame works.
// A host that wants the frame to follow the content listens for {type: "hcf:size", height} messages (CSS px,
// see docs/embedding.md). Only a number leaves the frame: nothing about the person or their search.
"use strict";
(() => {
  const hcf = window.hcf;
  if (!hcf) return;
  const framed = window.parent !== window;
  let lastHeight = 0;
  let lastTheme = null;

  function update(s = hcf.state()) {
    if (!s || !s.ready || !s.ui) return;
    const height = Math.round(s.ui.contentHeight || 0);
    if (framed && height > 0 && Math.abs(height - lastHeight) >= 2) {
      lastHeight = height;
      window.parent.postMessage({ type: "hcf:size", height }, "*");
    }
    const theme = (s.embed && s.embed.theme) || "";
    if (theme !== lastTheme) {
      lastTheme = theme;
      const meta = document.querySelector('meta[name="theme-color"]');
      if (meta) meta.content = theme ? "#" + theme : "#0b0c0c";
    }
  }

  hcf.subscribe(update);
  hcf.embed = { framed, update };
})();
