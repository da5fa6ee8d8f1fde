#!/usr/bin/env bash
# Regenerates screenshots/*.png from real renders of warta on the bundled corpus:
# tmux runs the release binary, `capture-pane -e` keeps the colours, aha turns the
# escapes into HTML and headless Chromium takes the picture.
#
# Needs: tmux, aha, chromium (Debian: apt-get install tmux aha chromium fonts-dejavu-core).
# Usage: scripts/screenshots.sh            (writes screenshots/*.png)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in tmux aha chromium; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is not installed" >&2; exit 1; }
done

cargo build --release --quiet
bin="$PWD/target/release/warta"
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

# Waits until the pane shows $1 (a fixed string), for at most 10 s.
wait_for() {
  for _ in $(seq 200); do
    tmux -L "$sock" capture-pane -p -t shot | grep -qF -- "$1" && return 0
    sleep 0.05
  done
  echo "screenshots: timed out waiting for '$1'" >&2
  tmux -L "$sock" capture-pane -p -t shot >&2
  return 1
}

# Starts warta in a fresh session of the given size with isolated state and cache.
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
  wait_for "5/5"
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
