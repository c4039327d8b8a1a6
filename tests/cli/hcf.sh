#!/usr/bin/env bash
# homecare-finder CLI test: hcf's exit codes, plain messages and JSON answers (run by ctest).
# Depends on: bash, the built hcf (and hcf-dataset when assets/data has no bundle yet), python3 for JSON checks.
# SPDX-License-Identifier: MIT
#
# Usage: bash tests/cli/hcf.sh <build_dir> <source_dir>
# Data: $HCF_CLI_DATA if set, else <source_dir>/assets/data when it holds bundle.bin, else a bundle built
# into a temporary folder with <build_dir>/hcf-dataset from <source_dir>/assets/sources. Checks that need
# data are skipped (and say so) only when none of these exist.
set -u
BUILD="${1:?build dir}"
SRC="${2:?source dir}"
HCF="$BUILD/hcf"
fails=0
checks=0

pass() { checks=$((checks + 1)); }
failed() {
    checks=$((checks + 1))
    fails=$((fails + 1))
    echo "FAIL: $*" >&2
}

[ -x "$HCF" ] || { echo "FAIL: $HCF is not built" >&2; exit 1; }

# expect_exit CODE ARGS... : runs hcf, keeps stdout in $OUT and stderr in $ERR, checks the exit code.
expect_exit() {
    local want="$1"
    shift
    OUT="$("$HCF" "$@" 2>"$TMP/err")"
    local got=$?
    ERR="$(cat "$TMP/err")"
    if [ "$got" = "$want" ]; then pass; else failed "hcf $* exited $got, expected $want (stderr: $ERR)"; fi
}
# expect_error MESSAGE : the last run printed exactly MESSAGE on stderr and {"ok": false, "error": MESSAGE}.
expect_error() {
    if [ "$ERR" = "$1" ]; then pass; else failed "stderr was '$ERR', expected '$1'"; fi
    if [ "$HAVE_PY" = 1 ]; then
        py_check "d['ok'] is False and d['error'] == sys.argv[2]" "$1"
    fi
}
# py_check EXPR [ARG] : evaluates EXPR with d = the last stdout parsed as JSON.
py_check() {
    [ "$HAVE_PY" = 1 ] || return 0
    if printf '%s' "$OUT" | python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
ok = eval(sys.argv[1])
sys.exit(0 if ok else 1)' "$1" "${2:-}" 2>"$TMP/pyerr"; then
        pass
    else
        failed "JSON check failed: $1 $(cat "$TMP/pyerr")"
        echo "$OUT" | head -40 >&2
    fi
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
HAVE_PY=0
command -v python3 >/dev/null 2>&1 && HAVE_PY=1
[ "$HAVE_PY" = 1 ] || echo "note: python3 not found; JSON contents are not checked, exit codes and messages are"

# ---- usage mistakes: no data needed ----
expect_exit 2
expect_exit 0 help
expect_exit 2 frobnicate
expect_error "Unknown command 'frobnicate'. Run hcf help to see the commands."
expect_exit 2 search --radius 5
expect_error 'Give a postcode to search from, like --postcode "B13 9AB".'
expect_exit 2 search --postcode "B13 9AB" --bogus 1
expect_error "Unknown option --bogus. Run hcf help to see the options."
expect_exit 2 search --postcode "B13 9AB" --radius five
expect_error "--radius needs a number, like --radius 5."
expect_exit 2 search --postcode "B13 9AB" --needs dementia,flying
expect_error "Unknown need 'flying'. Run hcf help to see the needs."
expect_exit 2 search --postcode "B13 9AB" --min-rating great
expect_error "--min-rating needs outstanding, good, requires_improvement, inadequate or any."
expect_exit 2 search --postcode "B13 9AB" --sort nearest
expect_error "--sort needs distance, rating or name."
expect_exit 2 search --postcode "B13 9AB" --include-not-rated yes
expect_error "--include-not-rated takes no value."
expect_exit 2 postcode
expect_error 'Give one postcode, like: hcf postcode "HR4 9AB"'
expect_exit 2 cost --minutes 30
expect_error "Give the care as --hours 10, or as --visits 2 --minutes 30 --days 7."
expect_exit 2 cost --hours 10 --type weekend
expect_error "--type needs hourly, night-sleeping, night-waking or live-in."
expect_exit 2 means --capital 20000
expect_error "Give savings and weekly income in pounds, like --capital 20000 --income 250."
expect_exit 2 means --capital £20,000.999 --income 250
expect_error "--capital needs an amount in pounds, like --capital 20000."
expect_exit 2 export --format json
expect_error "Give the agencies' CQC location IDs, like --ids 1-2375497294,1-19611241388."
expect_exit 2 export --ids X --format pdf
expect_error "--format needs json, csv or text."
expect_exit 3 postcode "B13 9AB" --data "$TMP/nowhere"
expect_error "The care information file is missing ($TMP/nowhere/bundle.bin). Build it with hcf-dataset, or give the folder with --data."

# ---- find data ----
DATA="${HCF_CLI_DATA:-}"
if [ -z "$DATA" ] && [ -f "$SRC/assets/data/bundle.bin" ]; then DATA="$SRC/assets/data"; fi
if [ -z "$DATA" ] && [ -x "$BUILD/hcf-dataset" ] && [ -f "$SRC/assets/sources/sources.json" ]; then
    if (cd "$SRC" && "$BUILD/hcf-dataset" --sources assets/sources --out "$TMP/data" --quiet >"$TMP/dataset.log" 2>&1); then
        DATA="$TMP/data"
    else
        failed "hcf-dataset could not build test data: $(tail -3 "$TMP/dataset.log")"
    fi
fi
if [ -z "$DATA" ]; then
    echo "note: no data (no assets/data/bundle.bin, no hcf-dataset): data checks SKIPPED"
    echo "hcf CLI: $checks checks, $fails failed"
    [ "$fails" = 0 ]
    exit
fi
D=(--data "$DATA")
# One clear failure, not dozens, when the data cannot be read at all (e.g. hcf and hcf-dataset out of step).
if ! "$HCF" postcode "HR4" "${D[@]}" >/dev/null 2>"$TMP/err"; then
    failed "hcf cannot read the data in $DATA: $(cat "$TMP/err")"
    echo "hcf CLI: $checks checks, $fails failed"
    exit 1
fi

# ---- postcode ----
expect_exit 0 postcode "hr4" "${D[@]}"
py_check "d['ok'] and d['normalised'] == 'HR4' and d['kind'] == 'district' and d['precision'] == 'district'"
py_check "d['councils'][0]['upper_tier_name'] == 'Herefordshire'"
expect_exit 0 postcode "b139ab" "${D[@]}"
py_check "d['normalised'] == 'B13 9AB' and d['precision'] == 'unit' and d['needs_unit_pack'] is False"
expect_exit 1 postcode "" "${D[@]}"
expect_error "Enter a postcode, like B13 9AB."
expect_exit 1 postcode "B13 9AB!" "${D[@]}"
expect_error "A postcode has only letters and numbers, like B13 9AB."
# A letter never used in the last part: the real postcodes one key away, from the area's pack (as the app does).
expect_exit 1 postcode "HR4 9AV" "${D[@]}"
expect_error "The last part of a postcode never uses the letter V, so HR4 9AV is not a postcode. Check the last two letters. Did you mean HR4 9AB, HR4 9AF or HR4 9AG?"
expect_exit 1 postcode "12345" "${D[@]}"
expect_error "That doesn't look like a postcode. Postcodes look like HR4 9AB."
expect_exit 1 postcode "EH1 1AA" "${D[@]}"
expect_error "CQC covers England only. For care in Scotland, contact the Care Inspectorate."
py_check "d['nation'] == 'scotland' and d['error_key'] == 'outside_england'"
expect_exit 1 postcode "BT1 1AA" "${D[@]}"
py_check "d['nation'] == 'northern_ireland'"

# ---- search ----
expect_exit 0 search --postcode "B13 9AB" --radius 2 --needs dementia --min-rating good --page-size 5 "${D[@]}"
py_check "d['ok'] and d['total'] > 0 and 0 < len(d['results']) <= 5"
py_check "all(r['distance_miles'] <= 2.005 and 'dementia' in r['needs'] and r['rating'] in ('good','outstanding') for r in d['results'])"
py_check "[r['distance_miles'] for r in d['results']] == sorted(r['distance_miles'] for r in d['results'])"
py_check "d['summary'] == '%d agenc%s within 2 miles of B13 9AB' % (d['total'], 'y' if d['total'] == 1 else 'ies')"
py_check "all('Supports people with dementia' in r['reasons'] for r in d['results'])"
py_check "d['query']['include_not_rated'] is False and d['page_count'] == (d['total'] + 4) // 5"
TOTAL_GOOD="$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)"
expect_exit 0 search --postcode "B13 9AB" --radius 2 --needs dementia --min-rating good --include-not-rated --page-size 5 "${D[@]}"
py_check "d['total'] >= int(sys.argv[2]) and all(r['rating'] in ('good','outstanding','not_rated','not_in_data') for r in d['results'])" "$TOTAL_GOOD"
expect_exit 0 search --postcode "B13 9AB" --radius 5 --sort name --page 2 --page-size 10 "${D[@]}"
py_check "[r['name'].lower() for r in d['results']] == sorted(r['name'].lower() for r in d['results']) and d['page'] == 2"
expect_exit 0 search --postcode "B13 9AB" --radius 5 --sort rating --page-size 50 "${D[@]}"
py_check "(lambda o: [o[r['rating']] for r in d['results']] == sorted(o[r['rating']] for r in d['results']))({'outstanding':0,'good':1,'requires_improvement':2,'inadequate':3,'not_rated':4,'not_in_data':4})"
expect_exit 0 search --postcode "B13 9AB" --radius 5 --council Solihull --page-size 0 "${D[@]}"
py_check "all(r['local_authority'] == 'Solihull' for r in d['results']) and len(d['results']) == d['total']"
expect_exit 0 search --postcode "B13 9AB" --radius 1 --text "no agency is called this" "${D[@]}"
py_check "d['total'] == 0 and d['advice'].endswith('but none match everything you chose. Try fewer words in the name.')"
expect_exit 1 search --postcode "B13 9AB" --radius 0 "${D[@]}"
expect_error "Choose a distance from 0.1 to 100 miles."
expect_exit 1 search --postcode "CF10 1AA" "${D[@]}"
expect_error "CQC covers England only. For care in Wales, contact Care Inspectorate Wales."
expect_exit 1 search --postcode "B13 9AB" --council E99999999 "${D[@]}"
expect_error "We do not know a council with the code E99999999."

# ---- cost and means ----
expect_exit 0 cost --visits 2 --minutes 30 --days 7 "${D[@]}"
py_check "d['ok'] and d['minutes_per_week'] == 420 and d['weekly_low_pence'] <= d['weekly_high_pence']"
py_check "d['four_weekly_low_pence'] == 4 * d['weekly_low_pence'] and d['yearly_high_pence'] == 52 * d['weekly_high_pence']"
py_check "all(l['source'] for l in d['lines']) and 'indicative' in d['indicative_note'].lower()"
expect_exit 0 cost --hours 10 --council essex "${D[@]}"
py_check "d['council'] == 'essex' and any(l['kind'].startswith('council') for l in d['lines'])"
expect_exit 1 cost --visits 2 --minutes 30 --days 9 "${D[@]}"
expect_error "Enter between 1 and 7 days a week."
expect_exit 0 means --capital 30000 --income 250 "${D[@]}"
py_check "d['band'] == 'likely_pay_full_cost' and d['above_upper_limit'] is True"
expect_exit 0 means --capital 20000 --income 250 --age pension "${D[@]}"
py_check "d['band'] != 'likely_pay_full_cost' and d['tariff_income_pence'] == 2300" # (20000-14250)/250 = 23 steps of £1

# ---- London, and a council the data does not cover ----
expect_exit 0 search --postcode "E17 4PP" --radius 1 "${D[@]}"
py_check "d['total'] >= 10 and all(r['distance_miles'] <= 1 for r in d['results'])"
py_check "sum(1 for r in d['results'] if r.get('phone') and r.get('address')) >= 10"
py_check "any(set(r.get('key_questions', {})) == {'safe', 'effective', 'caring', 'responsive', 'well_led'} for r in d['results'])"
py_check "all(r['register'] == 'CQC register, first half of 2026' for r in d['results'] if r['local_authority'] == 'Waltham Forest')"
py_check "d['council_help']['name'] == 'Waltham Forest' and d['council_help']['complete'] is True"
expect_exit 0 search --postcode "HR4 9AB" "${D[@]}"
py_check "d['total'] == 0 and d['council_help']['not_covered'] == 'We do not have the agencies in Herefordshire yet.'"
py_check "d['council_help']['contact']['phone'] == '01432 260101' and d['council_help']['contact']['directory_name'] == 'Talk Community Directory'"
py_check "'bigger' not in d['advice'] and '20 miles' in d['advice'] and d['widen'] is None"

# ---- export ----
expect_exit 0 search --postcode "B13 9AB" --radius 2 --page-size 2 "${D[@]}"
IDS="$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(",".join(r["location_id"] for r in json.load(sys.stdin)["results"]))' 2>/dev/null)"
if [ -n "$IDS" ]; then
    expect_exit 0 export --ids "$IDS" --format json --postcode "B13 9AB" --date 2026-09-01 "${D[@]}"
    py_check "d['total_items'] == 2 and d['generated'] == '2026-09-01' and d['distances_from'] == 'B13 9AB'"
    py_check "[s['service_at_locations'][0]['location']['external_identifier'] for s in d['contents']] == sys.argv[2].split(',')" "$IDS"
    expect_exit 0 export --ids "$IDS" --format text --date 2026-09-01 "${D[@]}"
    case "$OUT" in
    "Home care shortlist"$'\n'"Made on 1 September 2026."*) pass ;;
    *) failed "text export starts: $(printf '%s' "$OUT" | head -2)" ;;
    esac
    expect_exit 0 export --ids "$IDS" --format csv "${D[@]}"
    [ "$(printf '%s\n' "$OUT" | wc -l)" = 3 ] && pass || failed "CSV export should have a header and 2 rows"
fi
expect_exit 1 export --ids NOT-AN-ID "${D[@]}"
expect_error "We could not find an agency with the CQC location ID NOT-AN-ID."

echo "hcf CLI: $checks checks, $fails failed (data: $DATA)"
[ "$fails" = 0 ]
