#!/usr/bin/env bash
# Compare `warta search` and `warta list --query` with `fzf --filter` over the titles of a generated corpus
# (examples/gen_corpus.rs). Usage: scripts/bench-search.sh DIR [QUERY...]
# WARTA overrides the binary (default: target/release/warta, built if missing).
# warta ranks whole articles and prints id, date, outlet and title; fzf only filters the
# titles, so the ratio is an upper bound on what matching titles alone would cost.
set -euo pipefail

dir=${1:?usage: scripts/bench-search.sh DIR [QUERY...]}
shift
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(p pres presiden asn medsos hrgbrsnk)

root=$(cd "$(dirname "$0")/.." && pwd)
warta=${WARTA:-$root/target/release/warta}
if [ ! -x "$warta" ]; then
    (cd "$root" && cargo build --release --quiet)
fi
for tool in hyperfine fzf python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hyperfine fzf)" >&2; exit 1; }
done
[ -d "$dir/txt" ] || { echo "$dir/txt not found: generate it with examples/gen_corpus" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
titles=$work/titles.txt

echo "warming warta's cache on $dir/txt ..." >&2
"$warta" stats "$dir/txt" --quiet >/dev/null
"$warta" list "$dir/txt" --format jsonl --quiet \
    | python3 -c 'import json,sys
for line in sys.stdin:
    t = json.loads(line).get("title") or ""
    print(t.replace("\n", " "))' >"$titles"
echo "$(wc -l <"$titles") titles" >&2

printf '| query | warta search median (ms) | warta list --query median (ms) | fzf --filter median (ms) | ratio search/fzf | ratio list/fzf |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
for q in "${queries[@]}"; do
    json=$work/$q.json
    # Fixed run count: hyperfine's default 3-second minimum makes the fast fzf side dominate
    # the wall time without making its median any more useful.
    hyperfine --warmup 1 --runs "${RUNS:-5}" --style none --export-json "$json" \
        -n warta "$warta search '$q' '$dir/txt' --quiet > /dev/null" \
        -n list "$warta list '$dir/txt' --query '$q' --quiet > /dev/null" \
        -n fzf "fzf --filter '$q' < '$titles' > /dev/null" >/dev/null 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    python3 - "$json" "$q" <<'PY'
import json, sys
r = {x["command"]: x["median"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
w, l, f = r["warta"], r["list"], r["fzf"]
print(f"| `{sys.argv[2]}` | {w:.1f} | {l:.1f} | {f:.1f} | {w / f:.1f}x | {l / f:.1f}x |")
PY
done
