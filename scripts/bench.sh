#!/usr/bin/env bash
# Performance figures for the closing notes and for spotting regressions (issue 8):
#   1. ../shared/bench/compare.py: slasite against Hugo on the same generated site;
#   2. scaling: build time at 1x, 2x and 4x plans, services and incidents;
#   3. slasite-bench: the arithmetic on 100,000 incidents.
#
#   scripts/bench.sh [compare|scale|arithmetic|all]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
scratch=$here/.build-release
swift build -c release --package-path "$here" --scratch-path "$scratch" --product slasite >/dev/null
swift build -c release --package-path "$here" --scratch-path "$scratch" --product slasite-bench >/dev/null
bin=$scratch/release/slasite
now=2026-11-24T00:00:00Z

if [[ $what == compare || $what == all ]]; then
  echo "== compare.py (default corpus) =="
  python3 "$here/../shared/bench/compare.py" "$bin" --runs "${RUNS:-3}"
fi

# One scaling series: for k in 1 2 4, a site of 10k plans, SERVICES(k) services and 1000k
# incidents, built three times; prints the median build, peak memory and cost per page.
#   series NAME SERVICES_EXPR  (SERVICES_EXPR uses $k, e.g. '25 * k' or '25')
series() {
  echo "== $1 (median of 3 builds; /usr/bin/time peak memory) =="
  for k in 1 2 4; do
    local services=$(($2)) site
    site=$(mktemp -d -p "$work")
    python3 "$here/../shared/bench/gen_corpus.py" "$site" --plans $((10 * k)) --services "$services" \
      --incidents $((1000 * k)) >/dev/null
    local times=()
    for _ in 1 2 3; do
      rm -rf "$site/slasite/public"
      /usr/bin/time -f "%e %M" -o "$work/t" "$bin" build --source "$site/slasite" --now "$now" --quiet
      times+=("$(cat "$work/t")")
    done
    local pages hugo="-"
    pages=$(find "$site/slasite/public" -name '*.html' | wc -l)
    # The same site built by Hugo, for how its time grows on the same inputs (when installed).
    if command -v hugo >/dev/null; then
      local htimes=()
      for _ in 1 2 3; do
        rm -rf "$site/hugo/public"
        /usr/bin/time -f "%e" -o "$work/h" hugo --quiet --source "$site/hugo" >/dev/null
        htimes+=("$(cat "$work/h")")
      done
      hugo=$(printf '%s\n' "${htimes[@]}" | sort -n | sed -n 2p)
    fi
    printf '%s\n' "${times[@]}" | sort -n | sed -n 2p | awk -v k="$k" -v s="$services" -v pages="$pages" -v hugo="$hugo" \
      '{printf "%dx (%d plans, %d services, %d incidents, %d pages): %.2f s, %.0f MiB, %.2f ms/page; hugo %s s\n", k, 10*k, s, 1000*k, pages, $1, $2/1024, 1000*$1/pages, hugo}'
  done
}

if [[ $what == scale || $what == all ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Pages grow with plans x services, so doubling all three inputs makes about 4x the pages;
  # the report prints pages so the cost per page can be compared too.
  series scaling '25 * k'
  # Services fixed: plans and incidents double, so the pages double too.
  series "scaling with 25 services (pages grow linearly)" '25'
fi

if [[ $what == arithmetic || $what == all ]]; then
  echo "== arithmetic =="
  "$scratch/release/slasite-bench" 100000
fi
