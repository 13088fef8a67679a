#!/usr/bin/env bash
# Points every reference to the old contract, the file outside the repository, at the
# project's own docs/spec.md (issue 26, item 15). Run once, at a merge, on a clean tree:
#
#   scripts/rewrite-spec-refs.sh [ROOT]        (ROOT: default, the repository holding this script)
#
# What it rewrites, in every file git tracks (text files only):
#   - the old path (the old file in the folder beside the repository) becomes docs/spec.md
#     (spec.md inside docs/);
#   - in docs/*.md, "<OLD> §N" becomes a link, "[spec §N](spec.md#<section N's heading id>)",
#     also when a line break falls between the name and §N;
#   - elsewhere (comments in Sources, Tests, tests, scripts, Fuzz, Package.swift, README),
#     "<OLD> §N" (and "§N–M", "§N's") becomes "docs/spec.md §N", and the one "<OLD>:" becomes
#     "docs/spec.md §1:" (the rule it cites, files only inside the site folder, is §1);
#   - in a Swift string literal (the descriptions /sla.schema.json publishes), "<OLD> §N"
#     becomes "slasite's docs/spec.md §N", which a reader of the schema can find;
#   - in tests/test_docs.py, the xfail marker waiting for this rewrite is removed.
# <OLD> is the contract's old capitalised name; the patterns below spell it S[P]EC so that
# this file does not match itself. It prints how many occurrences it rewrote in how many
# files, and running it again rewrites nothing. scripts/check-doc-links.py then finds no
# reference to the old name.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
  git ls-files -z | xargs -0 grep -lIZ -E '\bS[P]EC\b|^@pytest\.mark\.xfail\(.*\)  # until scripts/rewrite-spec-refs\.sh runs$' -- 2>/dev/null || true)

total=0
changed=0
for f in "${files[@]}"; do
  [[ -f $f ]] || continue
  n=$(F="$f" perl -0777 -i -pe '
    BEGIN {
      %anchor = (1 => "1-layout-of-a-site", 2 => "2-configuration-and-content-fields",
                 3 => "3-the-numbers", 4 => "4-outputs", 5 => "5-command-line");
      $count = 0;
    }
    my $f = $ENV{F};
    my $in_docs = $f =~ m{^docs/[^/]+\.md$};
    my $spec = $in_docs ? "spec.md" : "docs/spec.md";
    # The old path, as a Markdown link whose text is the path, then bare.
    $count += s{\[`?\.\./shared/S[P]EC\.md`?\]\(\.\./shared/S[P]EC\.md\)}{[$spec]($spec)}g;
    $count += s{\.\./shared/S[P]EC\.md}{$spec}g;
    if ($in_docs) {
      $count += s{\bS[P]EC(\s+)§(\d+)((?:\s*[–-]\s*\d+)?)}{"[spec$1§$2$3](spec.md#" . $anchor{$2} . ")"}ge;
    } else {
      # In Swift string literals (the descriptions of /sla.schema.json) the reference is
      # published: name whose spec it is. A line that is not a comment and holds a quote
      # before the name is a literal.
      if ($f =~ /\.swift$/) {
        $count += s{^(?!\s*//)([^\n]*"[^\n]*?)\bS[P]EC(\s+)§}{$1slasite\x27s docs/spec.md$2§}mg;
      }
      $count += s{\bS[P]EC(\s+)§}{docs/spec.md$1§}g;
      $count += s{\bS[P]EC: only files whose real path}{docs/spec.md §1: only files whose real path}g;
      $count += s{\bS[P]EC\.md\b}{docs/spec.md}g;
    }
    if ($f eq "tests/test_docs.py") {
      $count += s{^\@pytest\.mark\.xfail\([^\n]*\)  \# until scripts/rewrite-spec-refs\.sh runs\n}{}mg;
    }
    END { print STDERR "$count\n" }
  ' "$f" 2>&1 >/dev/null)
  # perl -i writes the file; its count went to standard error, captured above.
  if [[ $n -gt 0 ]]; then
    total=$((total + n))
    changed=$((changed + 1))
  fi
done
echo "rewrote $total occurrences in $changed files"
