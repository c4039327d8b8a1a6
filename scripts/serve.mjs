// scripts/serve.mjs — serve dist/ on 127.0.0.1 with the right MIME types and security headers.
// Depends on: Node.js only (no npm packages), so it runs on a fresh machine straight after setup.
//
//   node scripts/serve.mjs [--port 8080] [--root dist]
//
// Prints "Serving homecare-finder at http://127.0.0.1:PORT/" once listening (tests wait for that line).
// The headers here are the ones a council's web host should send too (docs/embedding.md). Each file is sent as
// its precompressed NAME.br or NAME.gz copy (written by scripts/compress-dist.mjs at build time) when the
// browser accepts that encoding, with Content-Encoding and Vary: Accept-Encoding; otherwise as it is.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const here = fileURLToPath(new URL(".", import.meta.url));
const root = resolve(option("--root", join(here, "..", "dist")));
const port = Number(option("--port", process.env.PORT || "8080"));

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
};

// Everything comes from this origin: no third-party scripts, fonts, images or connections.
// 'wasm-unsafe-eval' lets the browser compile our own WebAssembly; nothing else is evaluated.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

// The encodings a request accepts, best first: "br", "gzip" (an Accept-Encoding with q=0 refuses one).
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of String(header || "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";").map((t) => t.trim());
    if (!name) continue;
    const weight = params.find((p) => p.startsWith("q="));
    q.set(name, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const weight = (name) => (q.has(name) ? q.get(name) : q.has("*") ? q.get("*") : 0);
  return [["br", "br"], ["gzip", "gz"]].filter(([name]) => weight(name) > 0)
    .sort((a, b) => weight(b[0]) - weight(a[0])) // stable: br before gzip when equal
    .map(([encoding, ext]) => ({ encoding, ext }));
}

async function fileOrNull(path) {
  const info = await stat(path).catch(() => null);
  return info && info.isFile() ? path : null;
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://127.0.0.1");
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
    let sent = file, encoding = null;
    for (const choice of acceptedEncodings(req.headers["accept-encoding"])) {
      if (await fileOrNull(`${file}.${choice.ext}`)) { sent = `${file}.${choice.ext}`; encoding = choice.encoding; break; }
    }
    // An ETag per file and encoding, so a browser (or the service worker) checking a copy it holds gets
    // 304 Not Modified instead of the file again.
    const sentInfo = await stat(sent);
    const etag = `"${sentInfo.size.toString(36)}-${Math.floor(sentInfo.mtimeMs).toString(36)}${encoding ? "-" + encoding : ""}"`;
    const matches = String(req.headers["if-none-match"] || "").split(",").map((t) => t.trim().replace(/^W\//, ""));
    const body = matches.includes(etag) ? null : await readFile(sent);
    // Vary whenever a compressed copy exists, so a cache never hands brotli to a browser that asked for none.
    const varies = encoding || (await fileOrNull(`${file}.br`)) || (await fileOrNull(`${file}.gz`));
    res.writeHead(body ? 200 : 304, {
      "Content-Type": MIME[extname(file).toLowerCase()] || "application/octet-stream",
      ...(body ? { "Content-Length": body.length } : {}),
      ETag: etag,
      ...(encoding ? { "Content-Encoding": encoding } : {}),
      ...(varies ? { Vary: "Accept-Encoding" } : {}),
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache",
    });
    res.end(req.method === "HEAD" || !body ? undefined : body);
  } catch (e) {
    const status = e.code === "ENOENT" ? 404 : 500;
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(status === 404 ? "Not found\n" : "Server error\n");
  }
});

server.listen(port, "127.0.0.1", () => {
  const { port: actual } = server.address();
  console.log(`Serving homecare-finder at http://127.0.0.1:${actual}/`);
});
