#!/bin/sh
# Writes assets/regions/zones.tsv (time zone -> country) from the tz database's zone.tab,
# which is in the public domain. Run from the repository root.
set -eu
{
  echo "# Time zone -> ISO 3166-1 country, from the tz database's zone.tab (public domain),"
  echo "# tzdata $(dpkg-query -W -f='${Version}' tzdata 2>/dev/null). Regenerate: scripts/gen_zones.sh"
  grep -v '^#' /usr/share/zoneinfo/zone.tab | awk -F'\t' '{print $3"\t"$1}' | sort
} > assets/regions/zones.tsv
