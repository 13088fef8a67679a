#!/usr/bin/env bash
# What a build costs besides its HTML pages, against Hugo (issue 23).
#
#     scripts/page-floor.sh BIN CORPUS [CORPUS ...]      (ROUNDS=5 by default)
#
# BIN is slasite built from this commit (`make release`); each CORPUS a folder made by
# ../shared/bench/gen_corpus.py (holding slasite/ and hugo/). Builds a second binary from this
# commit with scripts/page-floor.patch applied, as `make release` does (in a temporary
# worktree, about 4 minutes): with SLASITE_PAGE_FLOOR set it writes every HTML page as 3 bytes
# and does everything else as always (load, parse, figures, each page's input, sla.json, the
# feeds, the calendars, the badges, the sitemap, every file and folder). Then, per corpus,
# times BIN, that binary and Hugo in turn, all into tmpfs (scripts/tmpfs-ab.py --hugo). The
# second binary's ratio to Hugo is the least any way of making the pages could reach:
# docs/performance.md, "What the pages may cost".
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { sed -n 2,15p "$0"; exit 2; }
bin=$(realpath "$1")
shift
rounds=${ROUNDS:-5}
work=$(mktemp -d /tmp/slasite-page-floor-XXXXXX)
cleanup() {
    git -C "$here" worktree remove --force "$work/src" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
git -C "$here" worktree add --detach "$work/src" HEAD >/dev/null 2>&1
git -C "$work/src" apply "$here/scripts/page-floor.patch"
if ! (cd "$work/src" && swift build -c release --static-swift-stdlib --product slasite --scratch-path "$work/build" >"$work/build.log" 2>&1); then
    tail -40 "$work/build.log"
    exit 1
fi
cp "$work/build/release/slasite" "$work/slasite-page-floor"
for corpus in "$@"; do
    corpus=$(realpath "$corpus")
    echo "== $corpus"
    SLASITE_PAGE_FLOOR=1 python3 "$here/scripts/tmpfs-ab.py" "$corpus/slasite" "$bin,$work/slasite-page-floor" "$rounds" \
        --hugo "$corpus/hugo"
done
