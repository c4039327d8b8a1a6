#!/usr/bin/env bash
# homecare-finder CLI test: hcf-dataset on the fixtures in tests/data/cqc (outputs, exit codes, and that a
# bad input writes nothing and leaves the previous output untouched).
# Usage: bash tests/cli/dataset.sh <build_dir> <source_dir>
# SPDX-License-Identifier: MIT
set -u
build=${1:?build dir}
src=${2:?source dir}
tool="$build/hcf-dataset"
fixtures="$src/tests/data/cqc"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

check() { # check "what" command...
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
contains() { grep -qF -- "$2" "$1"; }

# 1. The fixture sources (sources.json in tests/data/cqc/reference) build.
"$tool" --sources "$fixtures/reference" --out "$tmp/out" --report "$tmp/report.csv" >"$tmp/stdout" 2>"$tmp/stderr"
check "fixture build exits 0" test $? -eq 0
for f in bundle.bin manifest.json details/B.bin details/none.bin; do
    check "writes $f" test -s "$tmp/out/$f"
done
# The unit postcode files are listed in the manifest and served as the sources hold them: not written again.
check "lists postcodes/B.txt without writing a copy" sh -c \
    "grep -qF '\"postcodes/B.txt\"' '$tmp/out/manifest.json' && test ! -e '$tmp/out/postcodes'"
check "leaves out the EH postcode area (no English council)" sh -c "! grep -qF 'postcodes/EH.txt' '$tmp/out/manifest.json'"
check "no temporary folder left" test ! -e "$tmp/out.tmp-build"
check "summary: rows" contains "$tmp/stdout" "Rows in: 19, used: 11, not used: 8"
check "summary: dormant" contains "$tmp/stdout" "Dormant agencies dropped: 1"
check "summary: agencies" contains "$tmp/stdout" "Agencies out: 10 (placed by full postcode 4, by sector 3, by district 1, not placed 2)"
check "summary: coverage" contains "$tmp/stdout" "includes every home care agency CQC lists in Birmingham (CQC register, "
check "report lists the duplicate row with file and line" \
    contains "$tmp/report.csv" "not_used,../01_September_2026_CQC_directory.csv,9,1-101,duplicate_id,"
check "report lists warnings" contains "$tmp/report.csv" "warning,../cqc_sample_locations_2025-08-01.csv,5,1-303,postcode_missing,"

# 2. The manifest's checksums match an independent sha256sum.
python3 - "$tmp/out" "$fixtures/reference" >"$tmp/manifest-check" 2>&1 <<'EOF'
import hashlib, json, os, sys
root, sources = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(root, "manifest.json")))
bad = 0
for f in m["files"]:
    # postcodes/*.txt are the sources' own files
    data = open(os.path.join(sources if f["name"].startswith("postcodes/") else root, f["name"]), "rb").read()
    if len(data) != f["bytes"] or hashlib.sha256(data).hexdigest() != f["sha256"]:
        print("mismatch", f["name"]); bad += 1
listed = {f["name"] for f in m["files"]}
for d, _, files in os.walk(root):
    for n in files:
        rel = os.path.relpath(os.path.join(d, n), root)
        if rel != "manifest.json" and rel not in listed:
            print("not listed", rel); bad += 1
print("checked", len(m["files"]))
sys.exit(1 if bad else 0)
EOF
check "manifest sizes and SHA-256 match every file, and every file is listed" test $? -eq 0
check "manifest counts" python3 -c "
import json,sys
m=json.load(open('$tmp/out/manifest.json'))
c=m['counts']
assert c['rows_in']==19 and c['rows_used']==11 and c['rows_excluded']==8, c
assert c['dormant_agencies_dropped']==1 and c['agencies_out']==10, c
assert m['coverage']['councils'][0]['name']=='Birmingham' and m['coverage']['councils'][0]['complete'], m['coverage']
"

# 3. The same sources give the same bytes (reproducible builds).
"$tool" --sources "$fixtures/reference" --out "$tmp/again" --quiet
check "rebuild is byte-identical" diff -r "$tmp/out" "$tmp/again"

# 4. A cut-short CQC file: exit 1, names file and line, writes nothing, leaves the old output alone.
before=$(sha256sum "$tmp/out/manifest.json" "$tmp/out/bundle.bin")
"$tool" --sources "$fixtures/reference" --out "$tmp/out" --directory "$fixtures/01_September_2026_CQC_directory.csv" \
    --locations "$fixtures/truncated_locations.csv" --edition 2026-09-01 >"$tmp/stdout" 2>"$tmp/stderr"
check "truncated file exits 1" test $? -eq 1
check "message names file and line" contains "$tmp/stderr" \
    "hcf-dataset: truncated_locations.csv, line 5: the last row has 5 of 22 values and no line end, so the file looks cut short. Download it again."
check "message says nothing was written" contains "$tmp/stderr" "No files were written."
check "previous output untouched" test "$before" = "$(sha256sum "$tmp/out/manifest.json" "$tmp/out/bundle.bin")"
"$tool" --sources "$fixtures/reference" --out "$tmp/new" --locations "$fixtures/unclosed_quote_directory.csv" \
    --edition 2026-09-01 >/dev/null 2>"$tmp/stderr"
check "unclosed quote exits 1" test $? -eq 1
check "unclosed quote message" contains "$tmp/stderr" "unclosed_quote_directory.csv, line 3: a quoted value starts here"
check "no output folder created" test ! -e "$tmp/new"
check "no temporary folder left behind" test ! -e "$tmp/new.tmp-build"

# 5. A missing column: exit 1, names the column and the file.
"$tool" --sources "$fixtures/reference" --out "$tmp/new" --locations "$fixtures/missing_postcode.csv" \
    --edition 2026-09-01 >/dev/null 2>"$tmp/stderr"
check "missing column exits 1" test $? -eq 1
check "missing column message" contains "$tmp/stderr" \
    'missing_postcode.csv: the column "Location Postal Code" is missing'

# 6. Official files on the command line replace the bundled CQC files and count as national.
"$tool" --sources "$fixtures/reference" --out "$tmp/official" --directory "$fixtures/01_September_2026_CQC_directory.csv" \
    --locations "$fixtures/01_September_2026_HSCA_Active_Locations.csv" >"$tmp/stdout" 2>"$tmp/stderr"
check "official files build" test $? -eq 0
check "official: only the given files are read" contains "$tmp/stdout" "Rows in: 15, used: 8, not used: 7"
check "official: national coverage" contains "$tmp/stdout" "includes every home care agency CQC lists in England."
check "official: source edition from the file names" python3 -c "
import json
m=json.load(open('$tmp/official/manifest.json'))
s=[x for x in m['sources'] if x['id']=='cqc_official'][0]
assert s['edition']=='2026-09-01', s
assert s['files']==['01_September_2026_CQC_directory.csv','01_September_2026_HSCA_Active_Locations.csv'], s
"
"$tool" --sources "$fixtures/reference" --out "$tmp/partial" --partial \
    --locations "$fixtures/01_September_2026_HSCA_Active_Locations.csv" --quiet
check "--partial: not national" python3 -c "
import json
m=json.load(open('$tmp/partial/manifest.json'))
assert not m['coverage']['covers_all_england']
"

# 7. Usage errors exit 2.
"$tool" --no-such-option >/dev/null 2>&1
check "unknown option exits 2" test $? -eq 2
"$tool" --out >/dev/null 2>&1
check "missing value exits 2" test $? -eq 2

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all dataset CLI checks passed"
