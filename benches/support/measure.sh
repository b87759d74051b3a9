# Shared by the bench scripts: wall-clock seconds and peak memory of one command, and the
# median and maximum of a column of numbers.
measure() { # command... ; prints "seconds max_rss_mb"
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null
  awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$log"
  rm -f "$log"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
maxof() { sort -n | tail -1; }
