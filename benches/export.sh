#!/usr/bin/env bash
# Plans, exports and approves a message over a million contacts with the release binary and
# prints wall-clock seconds and peak memory (max RSS) of each command, median of RUNS runs.
# Two databases: Pages whose country is not set (Utility Messages unavailable, so nearly
# everyone is excluded with a long regional explanation) and Pages in the United States
# (nearly everyone planned by an approved Utility template).
#
#   benches/export.sh              # 1,000,000 contacts, 3 runs, files in bench-out/
#   ROWS=200000 RUNS=1 benches/export.sh
#
# Targets: export ≤ 2.5 s and ≤ 150 MB peak RSS; approving the list ≤ 2 s more.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
OUT=${OUT:-bench-out}
NOW=2026-11-22T10:00:00Z
TEXT="Hi {first_name}, your order has shipped"
mkdir -p "$OUT"
[ -x /usr/bin/time ] || { echo "install GNU time first (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --bin ventana --example gen_export
V=target/release/ventana
file="$OUT/manychat-$ROWS.csv"
[ -s "$file" ] || target/release/examples/gen_export manychat "$ROWS" "$file"
rm -f "$OUT"/e-*.db*
"$V" --db "$OUT/e-unset.db" import "$file" --tz UTC >/dev/null
cp "$OUT/e-unset.db" "$OUT/e-us.db"
for page in $(sqlite3 "$OUT/e-us.db" "select distinct page_id from contacts" 2>/dev/null ||
  echo 100000000000000 100000000000001 100000000000002); do
  "$V" --db "$OUT/e-us.db" pages set "$page" --country US >/dev/null
done

source benches/support/measure.sh

printf "| Pages (%s contacts) | command | seconds (median) | peak RSS |\n|---|---|---|---|\n" "$ROWS"
for db in unset us; do
  for cmd in plan export approve; do
    ts=(); ms=()
    for run in $(seq "$RUNS"); do
      args=(--db "$OUT/e-$db.db" --now "$NOW")
      case $cmd in
        plan) args+=(plan --text "$TEXT" --tz UTC) ;;
        export) args+=(export --text "$TEXT" --tz UTC --out "$OUT/sends.csv") ;;
        approve) args+=(export --text "$TEXT" --tz UTC --out "$OUT/sends.csv" --approve "bench $run") ;;
      esac
      read -r t m < <(measure "$V" "${args[@]}")
      ts+=("$t"); ms+=("$m")
    done
    printf "| %s | %s | %s s | %s MB |\n" "$db" "$cmd" "$(printf '%s\n' "${ts[@]}" | median)" \
      "$(printf '%s\n' "${ms[@]}" | maxof)"
  done
done
rm -f "$OUT"/e-*.db* "$OUT"/sends.*
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%d)"
