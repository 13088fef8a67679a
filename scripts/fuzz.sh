#!/usr/bin/env bash
# Fuzzes the content loader with libFuzzer + AddressSanitizer (see docs/fuzzing.md).
#
#   scripts/fuzz.sh [seconds-per-target]        # default 60
#   RUNS=5000000 scripts/fuzz.sh                # a number of inputs per target instead of a time
#   TARGETS="FuzzScalars" scripts/fuzz.sh 30    # only some targets
#   scripts/fuzz.sh --reproduce FuzzContent FILE...   # run saved inputs once (no fuzzing)
#   CONFIG=debug scripts/fuzz.sh 60             # -Onone build (about 3x slower; same checks)
#
# CONFIG defaults to release: -O keeps Swift's overflow and bounds traps and preconditions
# (only -Ounchecked drops them), with ASan on top, and runs about 3x more inputs per second.
# One fuzzer process at a time, on one core (no -jobs/-workers). The seed corpus in
# Fuzz/Corpus/<target>/ is copied into Fuzz/.build/corpus/<target>/, which grows between runs;
# crashes, timeouts and leaks land in Fuzz/.build/fuzz-artifacts/<target>/. Exit status is non-zero
# when any target found something.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scratch="Fuzz/.build"
config="${CONFIG:-release}"
all_targets="FuzzContent FuzzScalars"

build() {
    # -sanitize=fuzzer,address instruments the Swift code; -fsanitize=fuzzer-no-link,address
    # instruments the C targets too (Yams's libyaml), so coverage and ASan reach the YAML scanner.
    swift build -c "$config" --package-path Fuzz --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol" >&2
    test "${PIPESTATUS[0]}" -eq 0
}

build
bin="$(swift build -c "$config" --package-path Fuzz --scratch-path "$scratch" --show-bin-path)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}"
# Swift's crash handler would run under ASan after a trap and muddle the report.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

if [[ "${1:-}" == "--reproduce" ]]; then
    target="$2"
    shift 2
    exec "$bin/$target" -rss_limit_mb=2048 -timeout=10 "$@"
fi

seconds="${1:-60}"
targets="${TARGETS:-$all_targets}"
status=0
for target in $targets; do
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/fuzz-artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    cp -n Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    limit=(-max_total_time="$seconds")
    if [[ -n "${RUNS:-}" ]]; then limit=(-runs="$RUNS"); fi
    echo "== $target: ${RUNS:+$RUNS runs}${RUNS:-$seconds s}" >&2
    log="$scratch/$target.log"
    set +e
    "$bin/$target" "${limit[@]}" -rss_limit_mb=2048 -timeout=10 -max_len=4096 -detect_leaks=0 \
        -dict=Fuzz/yaml.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
        "$corpus" >"$log" 2>&1
    rc=$?
    set -e
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" "$log" >&2 || true
    if [[ $rc -ne 0 ]]; then
        echo "!! $target exited with $rc; see $log and $artifacts/" >&2
        grep -E "ERROR|SUMMARY|Fatal error|timeout" "$log" | head -5 >&2 || true
        status=1
    fi
done
exit $status
