// tests/browser/lib/releases.mjs — sites with different releases of the app for deploy tests, made from the web
// build's files (build/web/stage) by scripts/release.mjs: "v1" as built, and later ones whose CQC edition has
// moved on (the bundle, every details pack and the manifest rewritten with their checksums made again, so
// files of two releases refused each other) and whose page scripts differ.
// Depends on: scripts/release.mjs, a built build/web/stage (scripts/build-web). Node's built-ins only.
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeRelease, siteRelease } from "../../../scripts/release.mjs";
import { ROOT } from "./harness.mjs";

export const STAGE = join(ROOT, "build", "web", "stage");
const SITES = join(ROOT, "build", "test-sites");
const DIGEST = 32; // an HCFD container ends with the SHA-256 of everything before it (src/core/bundle.h)

const sha256 = (bytes) => createHash("sha256").update(bytes).digest();

function linkTree(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, entry.name), b = join(to, entry.name);
    if (entry.isDirectory()) { mkdirSync(b, { recursive: true }); linkTree(a, b); } else linkSync(a, b);
  }
}

// Replaces a file of the stage (never the linked original) and drops its compressed copies, now stale.
function rewrite(path, bytes) {
  for (const p of [path, path + ".br", path + ".gz"]) if (existsSync(p)) unlinkSync(p);
  writeFileSync(path, bytes);
}

function replaceAll(buffer, from, to) {
  const out = Buffer.from(buffer);
  for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + to.length)) out.write(to, at, "latin1");
  return out;
}

// The data with every mention of the CQC edition `from` moved to `to` (an ISO date each), and in the containers
// named in `strings` ({"details/B.bin": [[old, new], ...]}) each old text replaced by a new one of its length.
function editData(stage, { from, to, strings = {} }) {
  const data = join(stage, "data");
  const changed = new Map();
  const containers = ["bundle.bin", ...readdirSync(join(data, "details")).filter((n) => n.endsWith(".bin"))
                                                                          .map((n) => "details/" + n)];
  for (const name of containers) {
    const original = readFileSync(join(data, name));
    let bytes = to ? replaceAll(original, from, to) : original;
    for (const [old, now] of strings[name] || []) {
      if (Buffer.byteLength(old) !== Buffer.byteLength(now)) throw new Error(`"${now}" is not as long as "${old}"`);
      if (bytes.indexOf(old) < 0) throw new Error(`no "${old}" in ${name}`);
      bytes = replaceAll(bytes, old, now);
    }
    if (bytes.equals(original)) continue;
    sha256(bytes.subarray(0, bytes.length - DIGEST)).copy(bytes, bytes.length - DIGEST);
    rewrite(join(data, name), bytes);
    changed.set(name, bytes);
  }
  let text = readFileSync(join(data, "manifest.json"), "utf8");
  if (to) text = text.replaceAll(from, to);
  const manifest = JSON.parse(text);
  for (const f of manifest.files) {
    const bytes = changed.get(f.name);
    if (bytes) Object.assign(f, { bytes: bytes.length, sha256: sha256(bytes).toString("hex") });
  }
  rewrite(join(data, "manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
}

// Makes (again) the site `name`: { site, release, description (its release.json), edition }.
// edition: the CQC edition this release's information has (default: as built); mark: a comment that makes its
// code differ from a release built without it; strings: texts replaced in data containers (see editData).
export async function makeSite(name, { edition = null, mark = null, strings = null } = {}) {
  if (!existsSync(join(STAGE, "index.html"))) throw new Error(`no ${STAGE}: build the app with scripts/build-web`);
  const dir = join(SITES, name);
  rmSync(dir, { recursive: true, force: true });
  const stage = join(dir, "stage"), site = join(dir, "site");
  mkdirSync(stage, { recursive: true });
  linkTree(STAGE, stage);
  const built = JSON.parse(readFileSync(join(stage, "data", "manifest.json"), "utf8")).cqc_edition;
  if ((edition && edition !== built) || strings)
    editData(stage, { from: built, to: edition && edition !== built ? edition : null, strings: strings || {} });
  if (mark)
    for (const file of ["index.js", "a11y.js"]) {
      const path = join(stage, file);
      rewrite(path, readFileSync(path, "utf8") + `\n// ${mark}\n`);
    }
  await makeRelease(stage, site, { link: true });
  const release = siteRelease(site);
  const description = JSON.parse(readFileSync(join(site, "r", release, "release.json"), "utf8"));
  return { name, site, release, description, edition: description.cqc_edition };
}

// The SHA-256 (hex) a release's file should have, by its path on the site ("r/<id>/index.js", "index.html").
export function expectedHash(description, path) {
  const name = path.startsWith(`r/${description.release}/`) ? path.slice(`r/${description.release}/`.length) : path;
  const f = description.files.find((x) => x.name === name);
  return f ? f.sha256 : null;
}

export const fileHash = (bytes) => sha256(bytes).toString("hex");
