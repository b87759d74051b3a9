#!/usr/bin/env bash
# Takes the README's screenshots of the real app on a virtual display (Xvfb):
# welcome, contacts, timeline, composer, the send list, the Pages, the import preview and the
# composer's verdict for a Page in Italy and in the United States, into docs/.
#   docs/screenshots.sh            # builds the debug binary first
# Needs xvfb, xdotool and imagemagick (installed with apt-get when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || {
    [ "$(id -u)" = 0 ] || { echo "install ${tool#*:}" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${tool#*:}" >/dev/null
  }
done
cargo build --quiet
BIN=$PWD/target/debug/ventana
WORK=$(mktemp -d)
export DISPLAY=:97 XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
unset WAYLAND_DISPLAY
Xvfb "$DISPLAY" -screen 0 1280x820x24 >/dev/null 2>&1 &
XVFB=$!
APP=
trap 'kill $APP $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1

start() { # db, extra args...
  "$BIN" --db "$1" "${@:2}" >"$WORK/app.log" 2>&1 &
  APP=$!
  WIN=
  for _ in $(seq 100); do
    WIN=$(xdotool search --name '^Ventana$' 2>/dev/null | head -1) && [ -n "$WIN" ] && break
    sleep 0.2
  done
  xdotool windowmove --sync "$WIN" 0 0 windowsize --sync "$WIN" 1280 820
  sleep 5
}
shot() { import -window root -crop 1280x820+0+0 "docs/$1.png"; }
click() { xdotool mousemove --window "$WIN" "$1" "$2" click 1; sleep "${3:-1.5}"; }
type_text() { xdotool windowfocus --sync "$WIN"; xdotool type --delay 8 "$1"; sleep 1.5; }

# An empty database, not the first launch: the welcome screen.
"$BIN" --db "$WORK/empty.db" windows >/dev/null
start "$WORK/empty.db"
shot welcome
kill $APP; wait $APP 2>/dev/null || true

# First launch: the demo export, planned at the instant it was taken.
start "$WORK/ventana.db"
shot contacts
click 355 12 3; shot timeline
click 425 12; click 480 130 0.5
type_text "Your order #4521 has shipped! Use code SAVE10 for 10% off your next purchase"
shot composer
# The send list of that message: two a minute per Page, approved and exported.
click 510 12 3
click 253 67 1; click 385 67 0.5; xdotool key ctrl+a; xdotool type "2"; xdotool key Return; sleep 2
click 960 374 0.5; type_text "Black Friday"
click 1088 374 3
click 935 397 0.5; xdotool key ctrl+a; type_text "$WORK/sends.csv"
click 1237 397 3
shot sendlist
# Where each Page is: the demo's Pages in Italy and Spain.
click 575 12 2
shot pages
click 425 12
printf 'ID contatto;Nome;Cognome;Lingua;Citt\xe0;Ultima interazione;Iscritto il\r\n1000000000000001;Niccol\xf2;Pe\xf1a;it;Citt\xe0 di Castello;21/11/2026 23:15;03/02/2025 10:00\r\n1000000000000002;Chiara;Rossi;it;Roma;22/11/2026 08:40;14/06/2025 18:30\r\n1000000000000003;Luc\xeda;Garc\xeda;es;Madrid;20/11/2026 19:05;01/09/2024 09:15\r\n1000000000000004;Marco;Bianchi;it;Torino;15/11/2026 12:00;22/12/2025 11:11\r\n' >"$WORK/contatti.csv"
click 185 12
click 540 416 0.5
type_text "$WORK/contatti.csv"
xdotool key Return; sleep 3
shot import
kill $APP; wait $APP 2>/dev/null || true

# The composer's verdict for one Page: Bottega Rossi in Italy, then the same Page moved to the
# United States, where Utility Messages exist.
TEXT="Il tuo ordine #4521 ha lasciato il magazzino: arriva domani"
for place in it us; do
  [ "$place" = us ] && "$BIN" --db "$WORK/ventana.db" pages set 104837261958374 --country US >/dev/null
  start "$WORK/ventana.db" --now 2026-11-22T10:00:00Z
  click 177 62 1; click 177 131 2
  click 425 12; click 480 130 0.5
  type_text "$TEXT"
  shot "composer-$place"
  kill $APP; wait $APP 2>/dev/null || true
done
echo "screenshots in docs/"
