#!/usr/bin/env bash
# Starts the release app on a database of a million contacts on a virtual display and prints
# the seconds from launch to the first filtered view of the contacts (what the first usable
# frame draws) and the peak resident memory a few seconds later, median of RUNS runs.
#
#   benches/gui_start.sh            # 1,000,000 contacts, 3 runs; needs xvfb
#   ROWS=200000 RUNS=1 benches/gui_start.sh
#
# Targets: first usable frame ≤ 2 s after start, resident memory ≤ 400 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
OUT=${OUT:-bench-out}
mkdir -p "$OUT"
command -v Xvfb >/dev/null || { echo "install xvfb first (apt-get install xvfb)" >&2; exit 1; }
cargo build --release --quiet --bin ventana --example gen_export
V=$PWD/target/release/ventana
file="$OUT/manychat-$ROWS.csv"
[ -s "$file" ] || target/release/examples/gen_export manychat "$ROWS" "$file"
db="$OUT/gui-$ROWS.db"
[ -s "$db" ] || "$V" --db "$db" import "$file" --tz UTC >/dev/null
export DISPLAY=:98 XDG_CONFIG_HOME="$OUT/gui-config" VENTANA_TIMINGS=1
Xvfb "$DISPLAY" -screen 0 1280x820x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null' EXIT
sleep 1
source benches/support/measure.sh
ts=(); ms=()
for run in $(seq "$RUNS"); do
  log=$(mktemp)
  start=$(date +%s.%N)
  "$V" --db "$db" --tab contacts --now 2026-11-22T10:00:00Z 2>"$log" &
  pid=$!
  # At most a minute: an app that never shows its contacts fails the bench.
  for _ in $(seq 3000); do grep -q "first view" "$log" && break; sleep 0.02; done
  grep -q "first view" "$log" || { cat "$log" >&2; kill "$pid"; exit 1; }
  ready=$(date +%s.%N)
  sleep 3
  peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
  ts+=("$(awk -v a="$ready" -v b="$start" 'BEGIN { printf "%.2f", a - b }')"); ms+=("$peak")
done
printf "| contacts | first view (median) | peak RSS |\n|---|---|---|\n"
printf "| %s | %s s | %s MB |\n" "$ROWS" "$(printf '%s\n' "${ts[@]}" | median)" \
  "$(printf '%s\n' "${ms[@]}" | maxof)"
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%d)"
