#!/usr/bin/env bash
# Kills `slasite build` with SIGKILL at random moments and checks, each time, that the previous
# output is intact (byte-for-byte) and that temporary folders do not pile up (issue 8).
#
#   scripts/crash-test.sh [SLASITE_BINARY] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/.build-release/release/slasite}
runs=${2:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/../shared/bench/gen_corpus.py" "$work/corpus" --plans 20 --services 50 --incidents 2000 >/dev/null
site=$work/corpus/slasite
now=2026-11-24T00:00:00Z

"$bin" build --source "$site" --now "$now" --quiet
digest() { (cd "$site/public" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
baseline=$(digest)
t0=$(date +%s%N); "$bin" build --source "$site" --now "$now" --quiet; t1=$(date +%s%N)
build_ms=$(( (t1 - t0) / 1000000 ))
echo "baseline build ${build_ms} ms, digest ${baseline:0:16}"

killed=0
for i in $(seq 1 "$runs"); do
  delay_ms=$(( RANDOM % (build_ms + 1) ))
  "$bin" build --source "$site" --now "$now" --quiet &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  now_digest=$(digest)
  temps=$(find "$site" -maxdepth 1 -name '.public.slasite-tmp-*' | wc -l)
  if [ "$now_digest" != "$baseline" ]; then
    echo "run $i (kill after ${delay_ms} ms): public/ changed!"; exit 1
  fi
  if [ "$temps" -gt 1 ]; then
    echo "run $i: $temps temporary folders left"; exit 1
  fi
  echo "run $i: killed after ${delay_ms} ms; public/ intact; temporary folders: $temps"
done
"$bin" build --source "$site" --now "$now" --quiet
left=$(find "$site" -maxdepth 1 -name '.public.slasite-tmp-*' | wc -l)
[ "$(digest)" = "$baseline" ] || { echo "final build differs"; exit 1; }
[ "$left" -eq 0 ] || { echo "$left temporary folders left after a good build"; exit 1; }
echo "crash test: $runs runs, $killed killed mid-build, output intact every time, no temporary folder left"
