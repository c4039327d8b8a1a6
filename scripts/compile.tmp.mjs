import { chromium } from "playwright-core";
import { startServer, releasePath } from "../tests/browser/lib/harness.mjs";
const server = await startServer();
try {
  for (let run = 0; run < 3; run++) {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", ...(process.env.XA ? [process.env.XA] : [])] });
    const page = await browser.newPage();
    await page.goto(server.url + "manifest.webmanifest");
    const t = await page.evaluate(async (p) => {
      const b = await (await fetch(p + "index.wasm")).arrayBuffer();
      const t0 = performance.now(); const m = await WebAssembly.compile(b); const t1 = performance.now();
      const t2 = performance.now(); const m2 = await WebAssembly.compileStreaming(fetch(p + "index.wasm")); const t3 = performance.now();
      return [t1 - t0, t3 - t2];
    }, "/" + releasePath());
    console.log(t);
    await browser.close();
  }
} finally { server.stop(); }
