// scripts/release.mjs — makes the servable site from the web build's files: one release, named by a hash of
// its content, in its own folder, and the page that names it.
// Depends on: Node.js only; scripts/compress-dist.mjs. Run by the web build (cmake/web.cmake) after compression.
//
//   node scripts/release.mjs STAGE SITE      (the build's files, e.g. build/web/stage; the site, e.g. dist)
//
// SITE/r/<release>/   index.js, index.wasm, the page scripts and data/ (manifest, bundle, details, postcodes),
//                     each with its .br and .gz copy, and release.json: every file with its size, SHA-256 and
//                     kind ("app", "root", "module" for modules/ (loaded only when used: web/modules.js),
//                     or the data manifest's "startup", "details"), except the thousands of district
//                     postcode files (data/postcodes/B13.txt, scripts/split-postcodes.mjs), which are listed
//                     compactly under "postcodes": {"B13": [bytes, first 16 hex digits of the SHA-256]}
//                     (about 33 KB compressed instead of 116 KB; web/sw.js reads both). The areas' whole files
//                     (data/postcode-areas/B.txt, kind "postcode-area") are for kiosks only.
// SITE/index.html     web/index.html with its release id filled in: the only file that says which release a
//                     visitor gets. sw.js, manifest.webmanifest and icons/ sit beside it.
// The release id is the first 12 hex digits of a SHA-256 over every file's name and SHA-256, so a change to
// any file makes a new release and an unchanged build keeps its id. A page loads files of its own release
// only, so a visitor never mixes two (docs/embedding.md, "Deploying a new release"). Older release folders
// are removed from SITE: a host keeps the previous one for open tabs.
import { createHash } from "node:crypto";
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { compressOne } from "./compress-dist.mjs";

export const PLACEHOLDER = "%HCF_RELEASE%";
// Files that stay at the site's root: the page (it names the release), the worker (its scope is the site)
// and what the browser asks for by a fixed address.
const ROOT_FILES = /^(index\.html|sw\.js|manifest\.webmanifest|icons\/.*)$/;
const COPY = /\.(br|gz)$/;
const DISTRICT_FILE = /^data\/postcodes\/([0-9A-Z]+)\.txt$/;

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, base));
    else if (entry.isFile()) out.push(relative(base, path).split(sep).join("/"));
  }
  return out.sort();
}

// The data manifest's kind for each data file ("startup", "details", "postcodes").
function dataKinds(stage) {
  const manifest = JSON.parse(readFileSync(join(stage, "data", "manifest.json"), "utf8"));
  const kinds = new Map([["data/manifest.json", "startup"]]);
  for (const f of manifest.files || []) kinds.set("data/" + f.name, f.kind);
  return { manifest, kinds };
}

const entry = (name, bytes, kind) => ({ name, bytes: bytes.length, sha256: sha256(bytes), kind });

async function writeCompressed(path, body) {
  await compressOne(path, body, "br");
  await compressOne(path, body, "gz");
}

// Copies a file, or hard-links it (link: for tests' throwaway sites, whose files nothing rewrites in place).
function place(from, to, link) {
  if (link) {
    try { return linkSync(from, to); } catch { /* another file system: copy */ }
  }
  cpSync(from, to);
}

// Builds the site; returns { release, dir }.
export async function makeRelease(stage, site, { link = false } = {}) {
  const { manifest, kinds } = dataKinds(stage);
  const names = listFiles(stage).filter((n) => !COPY.test(n));
  const files = [];
  const root = [];
  for (const name of names) {
    const bytes = readFileSync(join(stage, name));
    if (ROOT_FILES.test(name)) root.push(entry(name, bytes, "root"));
    else files.push(entry(name, bytes, DISTRICT_FILE.test(name) ? "postcodes"
                                     : name.startsWith("data/postcode-areas/") ? "postcode-area"
                                     : name.startsWith("data/") ? kinds.get(name) || "data"
                                     : name.startsWith("modules/") ? "module" : "app"));
  }
  const release = sha256([...root, ...files].map((f) => `${f.name} ${f.sha256}\n`).join("")).slice(0, 12);
  const dir = join(site, "r", release);

  // The release's own folder: written whole under a temporary name, then renamed, so a half-copied folder is
  // never served under the release's name.
  mkdirSync(site, { recursive: true });
  if (!existsSync(join(dir, "release.json"))) {
    const temp = dir + ".part";
    rmSync(temp, { recursive: true, force: true });
    for (const f of files)
      for (const suffix of ["", ".br", ".gz"]) {
        const from = join(stage, f.name + suffix);
        if (!suffix || existsSync(from)) {
          mkdirSync(dirname(join(temp, f.name)), { recursive: true });
          place(from, join(temp, f.name + suffix), link);
        }
      }
    // The page, with its release filled in, is part of what the worker keeps and checks.
    const page = readFileSync(join(stage, "index.html"), "utf8").replaceAll(PLACEHOLDER, release);
    const pageEntry = root.find((f) => f.name === "index.html");
    Object.assign(pageEntry, entry("index.html", Buffer.from(page), "root"));
    const postcodes = {};
    for (const f of files.filter((x) => DISTRICT_FILE.test(x.name)))
      postcodes[f.name.match(DISTRICT_FILE)[1]] = [f.bytes, f.sha256.slice(0, 16)];
    const description = {
      format: "homecare-finder release", format_version: 1, release,
      dataset_version: manifest.dataset_version || "", cqc_edition: manifest.cqc_edition || "",
      files: [...root, ...files.filter((x) => !DISTRICT_FILE.test(x.name))], postcodes,
    };
    const listing = Buffer.from(JSON.stringify(description, null, 1) + "\n");
    writeFileSync(join(temp, "release.json"), listing);
    await writeCompressed(join(temp, "release.json"), listing); // the worker fetches it on every new release
    rmSync(dir, { recursive: true, force: true });
    renameSync(temp, dir);
  }

  // The root: the page naming this release last, so a visitor is never sent to a folder not yet there.
  for (const f of root.filter((r) => r.name !== "index.html"))
    for (const suffix of ["", ".br", ".gz"])
      if (existsSync(join(stage, f.name + suffix))) {
        mkdirSync(dirname(join(site, f.name)), { recursive: true });
        cpSync(join(stage, f.name + suffix), join(site, f.name + suffix));
      }
  const page = Buffer.from(readFileSync(join(stage, "index.html"), "utf8").replaceAll(PLACEHOLDER, release));
  writeFileSync(join(site, "index.html"), page);
  await writeCompressed(join(site, "index.html"), page);

  // Everything else in the site is an older build: older releases, and the files of the layout before releases.
  const keep = new Set(root.map((f) => f.name));
  for (const name of readdirSync(site)) {
    const path = join(site, name);
    if (name === "r") {
      for (const other of readdirSync(path)) if (other !== release) rmSync(join(path, other), { recursive: true, force: true });
    } else if (statSync(path).isDirectory() ? name !== "icons" : !keep.has(name.replace(COPY, ""))) {
      rmSync(path, { recursive: true, force: true });
    }
  }
  return { release, dir };
}

// The release a site's index.html names (tests and benchmarks find a release's files with it).
export function siteRelease(site) {
  const page = readFileSync(join(site, "index.html"), "utf8");
  const m = page.match(/<meta name="hcf-release" content="([0-9a-f]{12})">/);
  if (!m) throw new Error(`${site}/index.html names no release (build it with scripts/build-web)`);
  return m[1];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [stage, site] = process.argv.slice(2).map((p) => resolve(p));
  if (!stage || !site || !existsSync(join(stage, "index.html"))) {
    console.error("usage: node scripts/release.mjs STAGE SITE (STAGE holds the web build's files)");
    process.exit(1);
  }
  const { release } = await makeRelease(stage, site);
  console.log(`release ${release} in ${join(site, "r", release)}`);
}
