#!/usr/bin/env bash
# Team triage timings (examples/team_bench.rs) against a throwaway PostgreSQL cluster on a
# Unix socket: a decision's delivery to the server, and opening 50k shared states versus the
# local store. Usage: scripts/bench-team.sh   (PROFILE=dev for a quick, unoptimised run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL not found (apt-get install postgresql)" >&2; exit 1; }
work=$(mktemp -d /tmp/warta-bench-team-XXXXXX)
run=()
# PostgreSQL refuses to run as root: the cluster then runs as nobody.
if [ "$(id -u)" = 0 ]; then chown nobody "$work"; run=(runuser -u nobody --); fi
stop() { "${run[@]}" "$bin/pg_ctl" stop -m immediate -D "$work/data" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT
"${run[@]}" "$bin/initdb" --auth=trust --no-locale -E UTF8 -U bench -D "$work/data" >/dev/null
# fsync stays on: the delivery figure includes the server's commit as an office has it.
"${run[@]}" "$bin/pg_ctl" start -w -D "$work/data" -l "$work/log" \
    -o "-c listen_addresses='' -k $work" >/dev/null
profile=()
[ "${PROFILE:-release}" = release ] && profile=(--release)
cd "$root"
echo "machine: $(nproc) cores, $(uname -sr), PostgreSQL $("$bin/postgres" --version | awk '{print $3}'), profile ${PROFILE:-release}"
cargo run --quiet "${profile[@]}" --example team_bench -- "postgres://bench@localhost/postgres?host=$work"
