// scripts/split-postcodes.mjs — cuts each area's unit postcode file (assets/sources/postcodes/B.txt) into one
// file per postcode district (B13.txt), which is what the app fetches when a full postcode is typed: a few KB
// instead of up to 723 KB for a whole area. The format stays the same: a district's file is its "#B13,..."
// line and the postcode lines under it (../shared/data/README.md; core/geography.h reads both kinds, and
// checks a district's file against the district's postcode count in the start-up data).
// Depends on: Node.js only. Run by the web build (cmake/web.cmake) into the stage's data/postcodes/.
//
//   node scripts/split-postcodes.mjs SOURCES OUT      (e.g. assets/sources/postcodes build/web/stage/data/postcodes)
//
// Files already holding the right bytes are left alone; any other .txt in OUT (an older area file, a district
// that has gone) is removed, so OUT holds exactly the districts of SOURCES. Prints one line of counts.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The districts of one area file: [["B1", "#B1,...\n1AA,...\n"], ...], in the file's order.
export function districtsOf(text) {
  const out = [];
  for (const block of text.replace(/\r\n/g, "\n").split(/^(?=#)/m)) {
    if (!block.startsWith("#")) {
      if (block.trim() !== "") throw new Error("postcode lines before any district line");
      continue;
    }
    const name = block.slice(1, block.indexOf(","));
    if (!/^[A-Z]{1,2}[0-9A-Z]{1,3}$/.test(name)) throw new Error(`'${name.slice(0, 8)}' is not a district`);
    out.push([name, block.endsWith("\n") ? block : block + "\n"]);
  }
  return out;
}

function readOrNull(path) {
  try { return readFileSync(path, "utf8"); } catch { return null; }
}

export function splitPostcodes(sources, out) {
  mkdirSync(out, { recursive: true });
  const written = new Set();
  let changed = 0;
  let bytes = 0;
  for (const file of readdirSync(sources).filter((f) => f.endsWith(".txt")).sort()) {
    let districts;
    try {
      districts = districtsOf(readFileSync(join(sources, file), "utf8"));
    } catch (e) {
      throw new Error(`${file}: ${e.message}`);
    }
    for (const [name, body] of districts) {
      if (written.has(name)) throw new Error(`${file}: district ${name} is in two files`);
      written.add(name);
      bytes += Buffer.byteLength(body);
      const path = join(out, `${name}.txt`);
      if (readOrNull(path) === body) continue;
      writeFileSync(path, body);
      ++changed;
    }
  }
  let removed = 0;
  for (const f of readdirSync(out)) {
    if (f.endsWith(".txt") && !written.has(f.slice(0, -4))) {
      rmSync(join(out, f));
      ++removed;
    }
  }
  return { districts: written.size, changed, removed, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sources, out] = process.argv.slice(2);
  if (!sources || !out) {
    console.error("usage: node scripts/split-postcodes.mjs SOURCES OUT");
    process.exit(2);
  }
  try {
    const r = splitPostcodes(sources, out);
    console.log(`split-postcodes: ${r.districts} district files in ${out} (${r.changed} written, ${r.removed} removed, ` +
                `${(r.bytes / 1024 / 1024).toFixed(1)} MB)`);
  } catch (e) {
    console.error(`split-postcodes: ${e.message}`);
    process.exit(1);
  }
}
