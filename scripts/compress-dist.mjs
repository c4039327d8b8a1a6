// scripts/compress-dist.mjs — writes NAME.br (brotli; the quality by file below) and NAME.gz (gzip -9) beside
// every file in dist/ that compresses, so any host (scripts/serve.mjs, nginx, Apache, IIS: docs/embedding.md)
// can send the smallest one the browser accepts without compressing on the fly.
// Depends on: Node.js only (node:zlib); run by the web build (cmake/web.cmake) after the app is linked.
//
//   node scripts/compress-dist.mjs [dist-dir]      (default dist/)
//
// A copy is written only when it is smaller than the file; a stale copy (its file changed, or is gone, or no
// longer compresses) is removed. Copies that already hold the file's exact bytes are kept, so a rebuild
// recompresses only what changed. Prints one line: files compressed, bytes before and after.
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from "node:zlib";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// Brotli's best (11) for what people wait for at start: the app and its start-up data. A district's postcodes
// (a few KB, fetched for a full postcode) at 6: the 2,451 of them take 1 s to make instead of 10 s at 10 (the
// web build's longest step after linking), for 8% more (the median district 4.0 KB instead of 3.7 KB: 2 ms on
// a 1.6 Mbit/s phone connection). The postcode areas whole are for a kiosk's offline copy only, filled once in
// the background: at 5 they take 1 s instead of 45 s to compress, and come to 10.5 MB instead of 7.9 MB.
const brotliQuality = (path) => (/[\\/]data[\\/]postcode-areas[\\/]/.test(path) ? 5
                                 : /[\\/]data[\\/]postcodes[\\/]/.test(path) ? 6 : 11);
const zip = {
  br: { make: promisify(brotliCompress), open: promisify(brotliDecompress),
        options: (size, path) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(path),
                                              [constants.BROTLI_PARAM_SIZE_HINT]: size } }) },
  gz: { make: promisify(gzip), open: promisify(gunzip), options: () => ({ level: 9 }) },
};
// Already compressed, or not worth it: these are sent as they are.
const SKIP = /\.(br|gz|png|jpe?g|webp|woff2?)$/i;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function readOrNull(path) {
  try { return await readFile(path); } catch { return null; }
}

// Makes (or keeps) path.ext for one encoding; returns its size, or 0 when the file is sent uncompressed.
export async function compressOne(path, body, ext) {
  const { make, open, options } = zip[ext];
  const old = await readOrNull(`${path}.${ext}`);
  if (old) {
    const same = await open(old).then((b) => b.equals(body), () => false);
    if (same && old.length < body.length) return old.length;
  }
  const packed = await make(body, options(body.length, path));
  if (packed.length >= body.length) {
    if (old) await rm(`${path}.${ext}`);
    return 0;
  }
  await writeFile(`${path}.${ext}`, packed);
  return packed.length;
}

export async function compressDist(root) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  const all = [];
  for await (const path of files(root)) all.push(path);
  const present = new Set(all);
  // A copy whose file is gone goes too.
  for (const path of all) {
    const m = path.match(/^(.*)\.(br|gz)$/);
    if (m && !present.has(m[1]) && !SKIP.test(m[1])) await rm(path);
  }
  const work = all.filter((p) => !SKIP.test(p));
  // Two at a time: the machine is shared, and zlib runs these on its own threads.
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const path = work[next++];
      const body = await readFile(path);
      const [br, gz] = [await compressOne(path, body, "br"), await compressOne(path, body, "gz")];
      totals.files += 1;
      totals.raw += body.length;
      totals.br += br || body.length;
      totals.gz += gz || body.length;
    }
  };
  await Promise.all([worker(), worker()]);
  return totals;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] || join(fileURLToPath(new URL(".", import.meta.url)), "..", "dist"));
  if (!(await stat(root).catch(() => null))?.isDirectory()) {
    console.error(`compress-dist: no folder ${root} (build the app first: scripts/build-web)`);
    process.exit(1);
  }
  const t = await compressDist(root);
  const kb = (n) => `${Math.round(n / 1024).toLocaleString("en-GB")} KB`;
  console.log(`compress-dist: ${t.files} files in ${root}: ${kb(t.raw)} raw, ${kb(t.br)} brotli, ${kb(t.gz)} gzip`);
}
