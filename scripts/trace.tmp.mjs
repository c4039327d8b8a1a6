import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { startServer } from "../tests/browser/lib/harness.mjs";
const server = await startServer();
try {
  const phone = process.env.PHONE === "1";
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"] });
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await browser.startTracing(page, { path: "/tmp/trace.json", categories: ["devtools.timeline", "v8", "v8.execute", "blink", "loading", "toplevel", "disabled-by-default-devtools.timeline"] });
  await page.goto(server.url);
  await page.waitForFunction(() => window.hcf && window.hcf.state().ready, null, { timeout: 30000 });
  await browser.stopTracing();
  await browser.close();
  const ev = JSON.parse(readFileSync("/tmp/trace.json", "utf8")).traceEvents;
  const nav = ev.find((e) => e.name === "navigationStart" || e.name === "NavigationTiming" ) ;
  const t0 = Math.min(...ev.filter(e => e.name === "ResourceSendRequest").map(e => e.ts));
  // main thread of renderer: the thread with most FunctionCall
  const counts = {};
  for (const e of ev) if (e.name === "FunctionCall" || e.name === "EvaluateScript") counts[e.pid + ":" + e.tid] = (counts[e.pid + ":" + e.tid] || 0) + 1;
  const main = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const tasks = ev.filter(e => e.pid + ":" + e.tid === main && e.ph === "X" && e.dur > 15000 && ["RunTask", "ThreadControllerImpl::RunTask"].includes(e.name));
  for (const t of tasks) {
    const inner = ev.filter(e => e.pid + ":" + e.tid === main && e.ph === "X" && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e.dur > 8000 && e !== t && !e.name.includes("RunTask"))
      .map(e => `${e.name}${e.args && e.args.data && e.args.data.url ? "(" + e.args.data.url.split("/").pop() + ")" : ""}${e.args && e.args.data && e.args.data.functionName ? "[" + e.args.data.functionName + "]" : ""}:${Math.round(e.dur/1000)}`);
    console.log(Math.round((t.ts - t0) / 1000), Math.round(t.dur / 1000), inner.slice(0, 8).join(" "));
  }
} finally { server.stop(); }
