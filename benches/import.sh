#!/usr/bin/env bash
# Imports the same 1M-row exports with `ventana import` and with the sqlite3 shell's
# `.import` into fresh database files, side by side in one run, and prints wall-clock
# seconds and peak memory (max RSS) of each. Shapes: ManyChat-like (comma, UTF-8, ISO 8601
# with offset), Excel-EU (semicolon, Windows-1252, dd/mm/yyyy local time), Chatfuel-like
# (comma, millisecond-epoch strings).
#
#   benches/import.sh            # 1,000,000 rows per shape, 3 runs each, files in bench-out/
#   ROWS=200000 RUNS=1 benches/import.sh
#
# Each tool runs RUNS times, alternating, on a fresh database each time; the table gives the
# median wall-clock time and the largest peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
OUT=${OUT:-bench-out}
mkdir -p "$OUT"

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "install $2 first (apt-get install $2)" >&2; exit 1
    fi
  fi
}
need sqlite3 sqlite3
[ -x /usr/bin/time ] || need /usr/bin/time time

cargo build --release --quiet --bin ventana --example gen_export
VENTANA=target/release/ventana
GEN=target/release/examples/gen_export

source benches/support/measure.sh


printf "| export (%s rows) | size | ventana import | peak RSS | sqlite3 .import | peak RSS |\n" "$ROWS"
printf "|---|---|---|---|---|---|\n"
for shape in manychat excel-eu chatfuel; do
  file="$OUT/$shape-$ROWS.csv"
  [ -s "$file" ] || "$GEN" "$shape" "$ROWS" "$file"
  size=$(du -m "$file" | cut -f1)
  sep=","; [ "$shape" = excel-eu ] && sep=";"
  vts=(); vms=(); sts=(); sms=()
  for _ in $(seq "$RUNS"); do
    rm -f "$OUT"/v.db* "$OUT"/s.db*
    read -r t m < <(measure "$VENTANA" --db "$OUT/v.db" import "$file" --tz Europe/Rome --page-id 100000000000000)
    vts+=("$t"); vms+=("$m")
    imported=$(sqlite3 "$OUT/v.db" "select count(*) from contacts")
    read -r t m < <(measure sqlite3 "$OUT/s.db" ".mode csv" ".separator \"$sep\"" ".import $file contacts")
    sts+=("$t"); sms+=("$m")
  done
  printf "| %s | %s MB | %s s (%s contacts) | %s MB | %s s | %s MB |\n" "$shape" "$size" \
    "$(printf '%s\n' "${vts[@]}" | median)" "$imported" "$(printf '%s\n' "${vms[@]}" | maxof)" \
    "$(printf '%s\n' "${sts[@]}" | median)" "$(printf '%s\n' "${sms[@]}" | maxof)"
done
rm -f "$OUT"/v.db* "$OUT"/s.db*
echo
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores, $(date -u +%Y-%m-%d)"
