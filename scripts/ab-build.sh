#!/usr/bin/env bash
# Wall-clock A/B of `slasite build` to disk, no Hugo: runs A B B A per round, so a drift of the
# machine over the series (this file system slows as folders come and go) falls on both.
#
#   scripts/ab-build.sh BASE_BINARY NEW_BINARY SITE [ROUNDS]     # default 3 rounds
set -euo pipefail
a=$1 b=$2 site=$3 rounds=${4:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() {
  rm -rf "$out/public"; sync
  local s e
  s=$(date +%s%N)
  "$1" build -q --source "$site" --output "$out/public" --now 2026-11-24T00:00:00Z
  e=$(date +%s%N)
  echo "$1 $(( (e - s) / 1000000 ))"
}
for _ in $(seq 1 "$rounds"); do run "$a"; run "$b"; run "$b"; run "$a"; done |
  awk '{t[$1] = t[$1] " " $2; s[$1] += $2; c[$1]++} END {for (k in t) print k ":" t[k] " ms, mean " int(s[k] / c[k])}'
