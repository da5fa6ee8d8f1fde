#!/usr/bin/env bash
# Where the time goes, for the scale targets the README reports as missed.
# Usage: scripts/profile.sh SCENARIO DIR [QUERY]
#   cold    warta stats DIR with an empty cache (parse + cache write)
#   warm    warta stats DIR with a warm cache (cache decode + file check)
#   cli     warta search QUERY DIR with a warm cache (the fzf comparison)
#   search  the per-keystroke bench (benches/search.rs) on DIR, relevance order
#           (WARTA_BENCH_SORT=date for newest first)
# DIR is a folder of articles (e.g. the txt folder of examples/gen_corpus's output).
# Prints the wall time, then self time by module (warta's own modules, the crates it uses,
# the allocator, the kernel) and the hottest symbols. Needs perf (apt-get install -y
# linux-perf); WARTA overrides the binary (default: target/release/warta, built if missing).
set -euo pipefail

scenario=${1:?usage: scripts/profile.sh cold|warm|cli|search DIR [QUERY]}
dir=${2:?usage: scripts/profile.sh cold|warm|cli|search DIR [QUERY]}
query=${3:-presiden}

root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${WARTA:-}" ]; then
    warta=$WARTA
    [ -x "$warta" ] || { echo "WARTA=$warta is not an executable" >&2; exit 1; }
else
    warta=$root/target/release/warta
    [ -x "$warta" ] || (cd "$root" && cargo build --release --quiet)
fi
command -v perf >/dev/null || { echo "missing perf (apt-get install -y linux-perf)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=$work/cache
data=$work/data
mkdir -p "$data"

run() {
    local start end
    start=$(date +%s%N)
    perf record -q -F 499 -o "$work/perf.data" -- "$@" >/dev/null 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
    echo "wall time: $(( (end - start) / 1000000 )) ms (under perf)"
}

case $scenario in
    cold)
        run "$warta" stats "$dir" --cache-dir "$cache" --data-dir "$data" --quiet ;;
    warm)
        "$warta" stats "$dir" --cache-dir "$cache" --data-dir "$data" --quiet >/dev/null
        run "$warta" stats "$dir" --cache-dir "$cache" --data-dir "$data" --quiet ;;
    cli)
        "$warta" stats "$dir" --cache-dir "$cache" --data-dir "$data" --quiet >/dev/null
        run "$warta" search "$query" "$dir" --cache-dir "$cache" --data-dir "$data" --quiet ;;
    search)
        (cd "$root" && cargo bench --bench search --no-run --quiet 2>/dev/null)
        bench=$(ls -t "$root"/target/release/deps/search-* | grep -v '\.d$' | head -1)
        "$warta" stats "$dir" --cache-dir "$cache" --data-dir "$data" --quiet >/dev/null
        # The bench's warm load is in the profile too, a small part of its typing.
        WARTA_CACHE_DIR=$cache run "$bench" "$dir" ;;
    *)
        echo "unknown scenario $scenario (cold, warm, cli, search)" >&2; exit 2 ;;
esac

perf report -i "$work/perf.data" --no-children --sort dso,symbol -g none --percent-limit 0 \
    --stdio 2>/dev/null >"$work/report.txt"
python3 - "$work/report.txt" <<'PY'
import re, sys
from collections import defaultdict

rows = []
for line in open(sys.argv[1]):
    m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*)", line)
    if m:
        sym = re.split(r"\s{2,}", m.group(4).strip())[0]
        rows.append((float(m.group(1)), m.group(2), m.group(3), sym))

def group(dso, kind, sym):
    if kind == "k":
        return "kernel (syscalls, page faults)"
    if "malloc" in sym or "free" in sym or sym.startswith("mi_") or "_mi_" in sym:
        return "allocator"
    if sym.startswith("mem") or sym.startswith("__mem"):
        return "memcpy/memcmp"
    m = re.match(r"(?:<)?(warta::[a-z_]+(?:::[a-z_]+)?)", sym)
    if m:
        return m.group(1)
    m = re.match(r"(?:<)?([a-z_0-9]+)::", sym)
    if m:
        return m.group(1)
    return dso

by = defaultdict(float)
for pct, dso, kind, sym in rows:
    by[group(dso, kind, sym)] += pct
print("\nself time by module:")
for g, pct in sorted(by.items(), key=lambda x: -x[1])[:18]:
    print(f"  {pct:5.1f}%  {g}")
print("\nhottest symbols:")
for pct, dso, kind, sym in rows[:20]:
    print(f"  {pct:5.1f}%  {sym[:100]}")
PY
