// tests/browser/lib/faults.mjs — fault-making servers for browser tests: answers chosen files of the app with a
// 404, a 500, a truncated or a byte-flipped copy, or drops the connection (through Playwright routes); and a
// host that swaps releases while pages are open or loading, slowly if asked (releaseServer).
// Depends on: playwright-core (a BrowserContext), node's built-ins.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

// Routes every request whose path ends with `file` (e.g. "data/bundle.bin") to the fault `kind`:
// "404", "500", "truncate" (the first half), "flip" (one byte in the middle inverted) or "drop".
// Resolves to a function that stops the fault (later requests get the real file).
export async function injectFault(context, file, kind) {
  const matches = (url) => new URL(url).pathname.endsWith("/" + file);
  let stopped = false;
  const fault = async (route) => {
    if (!matches(route.request().url())) return route.continue();
    if (kind === "404") return route.fulfill({ status: 404, body: "Not found" });
    if (kind === "500") return route.fulfill({ status: 500, body: "Server error" });
    if (kind === "drop") return route.abort("connectionreset");
    const response = await route.fetch();
    const body = await response.body();
    let bytes = body;
    if (kind === "truncate") bytes = body.subarray(0, Math.floor(body.length / 2));
    else if (kind === "flip") {
      bytes = Buffer.from(body);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    } else throw new Error(`unknown fault ${kind}`);
    const headers = { ...response.headers() };
    delete headers["content-length"];
    delete headers["content-encoding"];
    return route.fulfill({ status: 200, headers, body: bytes });
  };
  // A request still being faulted when the fault stops has been let through by Playwright already: its
  // answer is not ours to give any more.
  const handler = (route) => fault(route).catch((e) => { if (!stopped) throw e; });
  await context.route("**/*", handler);
  return () => { stopped = true; return context.unroute("**/*", handler); };
}

// ---- a host that deploys ------------------------------------------------------------------------------------
// A server for sites made by tests/browser/lib/releases.mjs, as a host keeps them during a deploy: index.html,
// sw.js and the icons come from the site in use, r/<release>/ from whichever site holds that release (the host
// keeps old release folders for open tabs). swap(name) deploys another site; slow(test, ms) holds back the
// responses whose path passes test(path); latency(ms) holds back every response (a slow network);
// answered counts the responses sent. Resolves to { url, swap, slow, latency, answered, requests, close }.

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
                ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png",
                ".bin": "application/octet-stream", ".txt": "text/plain; charset=utf-8" };

export async function releaseServer(sites, first) {
  let current = first;
  const holds = [];
  let everyMs = 0;
  const state = { answered: 0, requests: [] };
  const owner = (release) => Object.values(sites).find((s) => s.release === release);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname).slice(1) || "index.html";
    state.requests.push({ path, site: current, at: Date.now() });
    const wait = everyMs + holds.filter((h) => h.test(path)).reduce((a, h) => a + h.ms, 0);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    const m = path.match(/^r\/([0-9a-f]{12})\//);
    const site = m ? owner(m[1]) : sites[current];
    const file = site && normalize(join(site.site, path));
    try {
      if (!file || !file.startsWith(site.site + sep) || !(await stat(file)).isFile()) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream",
                           "Content-Length": body.length, "Cache-Control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found\n");
    }
    state.answered += 1;
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    swap(name) { current = name; },
    slow(test, ms) { const h = { test, ms }; holds.push(h); return () => holds.splice(holds.indexOf(h), 1); },
    latency(ms) { everyMs = ms; },
    get answered() { return state.answered; },
    requests: state.requests,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
