#!/usr/bin/env bash
# A perf profile of a running `slasite serve` while scripts/serve-latency.py edits the site
# (issue 23): where a preview rebuild's time goes.
#
#     scripts/serve-profile.sh BIN SITE [EDITS]    → /tmp/perf-serve.data
#     perf report -i /tmp/perf-serve.data --children --sort sym --stdio -g none | less
set -euo pipefail
B=$(realpath "$1"); SITE=$(realpath "$2"); N=${3:-20}
python3 "$(dirname "$0")/serve-latency.py" "$B" "$SITE" --edits "$N" > /tmp/serve-profile.out 2>&1 &
PY=$!
PID=""
for _ in $(seq 1 100); do PID=$(pgrep -f "$B serve --source $SITE" | head -1 || true); [ -n "$PID" ] && break; sleep 0.2; done
sleep 4  # the first build, before the first edit
perf record -F 2999 -g -p "$PID" -o /tmp/perf-serve.data 2>/dev/null &
PR=$!
wait $PY
kill -INT $PR 2>/dev/null || true
wait $PR 2>/dev/null || true
cat /tmp/serve-profile.out
