#!/usr/bin/env bash
# Regenerates screenshots/*.png from real renders of warta on the bundled corpus and on a
# generated corpus of 20,000 articles (`examples/gen_corpus.rs`, built-in vocabulary only):
# tmux runs the release binary, `capture-pane -e` keeps the colours, aha turns the
# escapes into HTML and headless Chromium takes the picture.
#
# Needs: tmux, aha, chromium (Debian: apt-get install tmux aha chromium fonts-dejavu-core).
# Usage: scripts/screenshots.sh            (writes screenshots/*.png)
#        scripts/screenshots.sh corpus     (only the generated corpus's: corpus-*.png)
#        scripts/screenshots.sh bundled    (only the bundled corpus's)
# SCREENSHOTS_PROFILE=debug uses a debug build (slower to load, same pictures).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in tmux aha chromium; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is not installed" >&2; exit 1; }
done

profile=${SCREENSHOTS_PROFILE:-release}
if [ "$profile" = release ]; then
  cargo build --release --quiet --bin warta --example gen_corpus
else
  cargo build --quiet --bin warta --example gen_corpus
fi
bin="$PWD/target/$profile/warta"
gen="$PWD/target/$profile/examples/gen_corpus"
out="$PWD/screenshots"
work=$(mktemp -d)
sock="warta-shots-$$"
# warta saves its session as it exits after the server is killed: retry the removal until
# the last one is gone.
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  for _ in $(seq 100); do rm -rf "$work" 2>/dev/null && return 0; sleep 0.05; done
}
trap cleanup EXIT
mkdir -p "$out"

# Waits until the pane shows $1 (a fixed string), for at most $2 seconds (10).
wait_for() {
  for _ in $(seq $(( ${2:-10} * 20 ))); do
    tmux -L "$sock" capture-pane -p -t shot | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "screenshots: timed out waiting for '$1'" >&2
  tmux -L "$sock" capture-pane -p -t shot >&2
  return 1
}

# Waits until the pane no longer shows $1, for at most 120 s (a first load's index).
wait_gone() {
  for _ in $(seq 2400); do
    tmux -L "$sock" capture-pane -p -t shot | grep -qF -- "$1" || return 0
    sleep 0.05
  done
  echo "screenshots: '$1' still shown" >&2
  return 1
}

# Waits until the background work a picture should not show is over: the text index being
# built, copies being grouped, an article body still loading. Each starts a little after the
# first frame, so "gone" must hold for a whole second, for at most 300 s.
settle() {
  local quiet=0
  for _ in $(seq 6000); do
    if tmux -L "$sock" capture-pane -p -t shot \
        | grep -qE -- ' index [0-9]+%|grouping copies|loading the article'; then
      quiet=0
    else
      quiet=$((quiet + 1))
      [ "$quiet" -ge 20 ] && return 0
    fi
    sleep 0.05
  done
  echo "screenshots: background work still shown" >&2
  return 1
}

# Starts warta in a fresh session of the given size with isolated state and cache, and
# waits for $3 (default: the bundled corpus's count).
start() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  # A new session must not attach to a server that is still shutting down.
  while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.05; done
  rm -f "/tmp/tmux-$(id -u)/$sock"
  # A fresh home each time: the previous warta may still be saving its session on the way
  # out, and that must not be restored here.
  runs=$(( ${runs:-0} + 1 ))
  local home="$work/home$runs"
  mkdir -p "$home"
  tmux -L "$sock" -f /dev/null new-session -d -s shot -x "$1" -y "$2" \
    "env -i PATH='$PATH' HOME='$home' TERM=xterm-256color LANG=C.UTF-8 \
     WARTA_CACHE_DIR='$home/cache' WARTA_DATA_DIR='$home/data' \
     WARTA_CONFIG='$home/config.toml' '$bin' ${start_args:-}"
  wait_for "${3:-5/5}" 600
}

# Captures the pane with colours and renders it to screenshots/$1.png.
shoot() {
  local name=$1 cols=$2 rows=$3
  tmux -L "$sock" capture-pane -e -p -t shot > "$work/$name.ansi"
  aha --black --title "warta" < "$work/$name.ansi" > "$work/$name.raw.html"
  # A fixed monospace font and cell size so boxes line up; the page is exactly the terminal.
  sed -e 's|<pre>|<pre style="margin:0;padding:8px;font:15px/1.2 \x27DejaVu Sans Mono\x27,monospace">|' \
      -e 's|<body[^>]*>|<body style="margin:0;background:#000;color:#ddd">|' \
      "$work/$name.raw.html" > "$work/$name.html"
  local w=$(( cols * 9 + 16 )) h=$(( rows * 18 + 16 ))
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chrome" --hide-scrollbars --window-size="$w,$h" \
    --screenshot="$out/$name.png" "file://$work/$name.html" >/dev/null 2>&1
  echo "wrote screenshots/$name.png"
}

keys() { tmux -L "$sock" send-keys -t shot "$@"; }

if [ "${1:-all}" != corpus ]; then
# 1. The main view: filters, list and detail side by side.
start 120 40
shoot main 120 40

# 2. A search with highlighted matches, ranked by relevance.
keys /; keys -l tiktok; wait_for "relevance"; keys Enter
shoot search 120 40

# 3. The filter pane with counts, one outlet selected.
start 120 40
keys f; keys j j Space; wait_for "[x] Grow Media"
shoot filters 120 40

# 4. The help overlay, generated from the keymap.
keys Escape; keys "?"; wait_for "Keys (from your keymap)"
shoot help 120 40

# 5. A standard 80x24 terminal: list and detail, filters as an overlay.
start 80 24
shoot narrow 80 24

# 6. Triage marks: decisions, a star, a label and a note, two rows selected.
start 120 40
keys r; wait_for "relevant 1"
keys s; keys m; wait_for "maybe 1"
keys t; keys -l "+banjir"; keys Enter; wait_for "banjir"
keys a; keys -l "cek ke Inspektorat"; keys Enter; wait_for "cek ke Inspektorat"
keys g; keys Space; keys Space
shoot triage 120 40

# 7. ASCII mode for terminals without box-drawing fonts.
start_args="--ascii"
start 80 24
shoot ascii 80 24
start_args=""
fi

[ "${1:-all}" = bundled ] && exit 0

# 8-10. A real-sized corpus: 20,000 generated articles (no publisher text: the generator's
# built-in vocabulary only) in one JSONL file.
"$gen" --count 20000 --out "$work/gen" --format jsonl --no-shared >/dev/null
start_args="$work/gen/corpus.jsonl"
start 120 40 "20,000/20,000"
settle
# The month chart over the whole corpus, facets with their counts.
shoot corpus-main 120 40

# Facets driven from the keyboard: an outlet on, every count and the chart updated.
keys f; wait_for "Decision"
for _ in $(seq 12); do keys j; done
keys Space; wait_for "[x]" 60; wait_gone "searching"; settle
shoot corpus-facets 120 40

# A search over 20,000 articles, ranked, with the filter column hidden (F) for the titles.
# The generated vocabulary is dense in monitoring words, so a three-word query is what
# narrows it to a page-able set here.
start 120 40 "20,000/20,000"
settle
keys F; keys /; keys -l "live streaming flexing"; wait_for "relevance" 60; keys Enter
# The results are in when the busy marker leaves the list's title.
wait_gone "relevance …"; wait_for "/20,000 · relevance" 60
settle
shoot corpus-search 120 40
start_args=""
