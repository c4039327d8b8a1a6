import { chromium } from "playwright-core";
import { startServer } from "../tests/browser/lib/harness.mjs";
const server = await startServer();
const FIRST_DRAW = () => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (...a) {
    const ctx = original.apply(this, a);
    if (!window.__gl) window.__gl = performance.now();
    if (ctx && !ctx.__t && /webgl/.test(String(a[0]))) { ctx.__t = true;
      for (const n of ["drawElements"]) { const d = ctx[n].bind(ctx); ctx[n] = (...b) => { (window.__draws ||= []).push(Math.round(performance.now())); return d(...b); }; } }
    return ctx; };
};
try {
  for (let run = 0; run < 3; run++) {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"] });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(FIRST_DRAW);
    await page.addInitScript(() => { const t0 = performance.now(); const iv = setInterval(() => { if (window.hcf && window.hcf.runtimeReady && !window.__rt) window.__rt = performance.now(); if (window.hcf && window.hcf.current && !window.__pub) window.__pub = performance.now(); if (window.hcf && window.hcf.current && window.hcf.current.ready) { window.__ready = performance.now(); clearInterval(iv); } }, 2); });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__ready, null, { timeout: 30000 });
    const t = await page.evaluate(() => ({ rt: window.__rt, gl: window.__gl, pub: window.__pub, ready: window.__ready, draws: (window.__draws||[]).slice(0,8),
      res: performance.getEntriesByType("resource").map(e => [e.name.split("/").pop(), Math.round(e.startTime), Math.round(e.responseEnd)]),
      nav: performance.getEntriesByType("navigation").map(e => [Math.round(e.responseEnd), Math.round(e.domContentLoadedEventEnd)]) }));
    console.log(JSON.stringify(t));
    await browser.close();
  }
} finally { server.stop(); }
