#!/usr/bin/env bash
# Takes the README's screenshots of the real app on a virtual display (Xvfb), in English
# (docs/*.png) and Italian (docs/it/*.png): welcome, contacts, the contact detail, timeline,
# composer, send list, campaigns, imports, reopen, Pages and the import preview; plus the composer's
# verdict for one Page in Italy and in the United States (English only); the learned score and
# the fact questions in Italian and Spanish (docs/composer-learned-{it,es}.png).
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
export DISPLAY=:97 XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" TZ=Europe/Rome
unset WAYLAND_DISPLAY
DB="$XDG_DATA_HOME/ventana/ventana.db"
NOW=2026-11-22T10:00:00Z
Xvfb "$DISPLAY" -screen 0 1280x820x24 >/dev/null 2>&1 &
XVFB=$!
APP=
trap 'kill $APP $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1

start() { # arguments for ventana
  "$BIN" "$@" >"$WORK/app.log" 2>&1 &
  APP=$!
  WIN=
  for _ in $(seq 100); do
    WIN=$(xdotool search --name '^Ventana$' 2>/dev/null | head -1) && [ -n "$WIN" ] && break
    sleep 0.2
  done
  xdotool windowmove --sync "$WIN" 0 0 windowsize --sync "$WIN" 1280 820
  sleep 5
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
shot() { import -window root -crop 1280x820+0+0 "$1.png"; }
click() { xdotool mousemove --window "$WIN" "$1" "$2" click 1; sleep "${3:-1.5}"; }
type_text() { xdotool windowfocus --sync "$WIN"; xdotool type --delay 8 "$1"; sleep 1.5; }

# An Italian spreadsheet export (semicolons, Windows-1252, day first), one row without an ID.
printf 'ID contatto;Nome;Cognome;Lingua;Citt\xe0;Ultima interazione;Iscritto il\r\n1000000000000001;Niccol\xf2;Pe\xf1a;it;Citt\xe0 di Castello;21/11/2026 23:15;03/02/2025 10:00\r\n1000000000000002;Chiara;Rossi;it;Roma;22/11/2026 08:40;14/06/2025 18:30\r\n;Luc\xeda;Garc\xeda;es;Madrid;20/11/2026 19:05;01/09/2024 09:15\r\n1000000000000004;Marco;Bianchi;it;Torino;15/11/2026 12:00;22/12/2025 11:11\r\n' >"$WORK/contatti.csv"
"$BIN" --db "$WORK/empty.db" windows >/dev/null
ORDER="Your order #4521 has shipped! Use code SAVE10 for 10% off your next purchase"

# The first launch loads the demo export and pins planning to the instant it was taken.
start --lang en --tab contacts
shot docs/contacts
stop
# An approved campaign and a second import, for the Campaigns and Imports tabs.
"$BIN" --db "$DB" --now "$NOW" export --text "Hi {first_name}, your order #4521 has shipped" \
  --fact own_transaction=yes --rate 2 --out "$WORK/order-shipped.csv" --approve "Order shipped" >/dev/null
"$BIN" --db "$DB" import "$WORK/contatti.csv" --tz Europe/Rome >/dev/null || true
# Entry points for the Reopen tab: a poster's QR code tied to the campaign and a newsletter
# link, out since the 20th; then a later export in which 40 of Bottega Rossi's contacts wrote
# again on the morning of the 22nd, 25 through the poster's ref and 15 through the newsletter's.
ROSSI=104837261958374
"$BIN" --db "$DB" --now 2026-11-20T09:00:00Z entry-points create --page $ROSSI --kind qr \
  --ref poster-inverno --name "Poster, Via Roma shop" --campaign 1 >/dev/null
"$BIN" --db "$DB" --now 2026-11-20T09:00:00Z entry-points create --page $ROSSI --kind link \
  --ref newsletter-dic --name "December newsletter" >/dev/null
{
  echo "id,page_id,last_interaction,last_ref"
  awk -F, -v page=$ROSSI '$2 == page && n < 40 {
    n++
    ref = n <= 25 ? "poster-inverno" : "newsletter-dic"
    printf "%s,%s,2026-11-22T%02d:%02d:00Z,%s\n", $1, $2, 6 + n % 4, (n * 13) % 60, ref
  }' assets/samples/demo.csv
} >"$WORK/returns.csv"
"$BIN" --db "$DB" import "$WORK/returns.csv" >/dev/null

for lang in en it; do
  out=docs; [ "$lang" = en ] || { out=docs/$lang; mkdir -p "$out"; }
  case $lang in en) sendlist_x=510 ;; it) sendlist_x=540 ;; esac
  start --db "$WORK/empty.db" --lang "$lang" --tab contacts
  shot "$out/welcome"; stop
  start --lang "$lang" --tab contacts --now "$NOW"
  [ "$lang" = en ] || shot "$out/contacts"
  click 500 199; shot "$out/contact"; stop
  for tab in timeline campaigns imports reopen pages; do
    start --lang "$lang" --tab "$tab" --now "$NOW"
    shot "$out/$tab"; stop
  done
  start --lang "$lang" --tab composer --now "$NOW"
  click 480 150 0.5; type_text "$ORDER"
  shot "$out/composer"
  click "$sendlist_x" 12 3; click 253 115 3
  shot "$out/sendlist"; stop
  start --lang "$lang" --tab contacts --now "$NOW"
  click 185 12; click 540 416 0.5; type_text "$WORK/contatti.csv"
  xdotool key Return; sleep 4
  shot "$out/import"; stop
done

# The composer's verdict for one Page: Bottega Rossi in Italy, then the same Page moved to the
# United States, where Utility Messages exist.
TEXT="Il tuo ordine #4521 ha lasciato il magazzino: arriva domani"
for place in it us; do
  [ "$place" = us ] && "$BIN" --db "$DB" pages set 104837261958374 --country US >/dev/null
  start --lang en --tab composer --now "$NOW"
  click 177 110 1; click 177 179 2
  click 480 150 0.5; type_text "$TEXT"
  shot "docs/composer-$place"; stop
done
# The learned score and the questions only the marketer can answer: a sales follow-up in
# Italian (borderline) and a product pitch in Spanish (promotional by the learned score alone).
start --lang it --tab composer --now "$NOW"
click 480 150 0.5
type_text "Ciao Giulia, hai avuto modo di guardare il preventivo? Se vuoi ne parliamo quando ti fa comodo."
shot docs/composer-learned-it; stop
start --lang es --tab composer --now "$NOW"
click 480 150 0.5
type_text "Hola Marta, ya llegaron las novedades de temporada: hemos elegido para ti unas prendas que te van a encantar. Echales un vistazo cuando quieras."
shot docs/composer-learned-es; stop
echo "screenshots in docs/ and docs/it/"
