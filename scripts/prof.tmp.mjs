import { chromium } from "playwright-core";
import { startServer } from "../tests/browser/lib/harness.mjs";
const server = await startServer();
try {
  const phone = process.env.PHONE === "1";
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"] });
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForFunction(() => window.hcf && window.hcf.state().ready, null, { timeout: 30000, polling: 10 });
  console.log("ready after", Date.now() - t0);
  const { profile } = await cdp.send("Profiler.stop");
  await browser.close();
  // self time per function, and inclusive time for selected
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map(); const incl = new Map();
  const dts = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const dt = (dts[i + 1] ?? 0) / 1000;
    const n = byId.get(id); const k = n.callFrame.functionName || "(" + n.callFrame.url.split("/").pop() + ")";
    self.set(k, (self.get(k) || 0) + dt);
    const seen = new Set(); let cur = id;
    while (cur !== undefined) { const m = byId.get(cur); const kk = m.callFrame.functionName || "(anon)"; if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) || 0) + dt); } cur = parent.get(cur); }
  });
  console.log("SELF"); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1), k);
  console.log("INCL"); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(v.toFixed(1), k);
} finally { server.stop(); }
