#!/usr/bin/env python3
"""Two slasite binaries on one site, on disk, with Hugo between them (issue 23).

    scripts/ab-hugo.py CORPUS/slasite BIN_A,BIN_B ROUNDS

CORPUS is a folder made by ../shared/bench/gen_corpus.py (holding slasite/ and hugo/). Each
round builds with A, then Hugo, then B, then Hugo (B first in odd rounds), each right after
deleting its own output as compare.py does, so both binaries meet the same file system: on
this VM ext4 steps over inodes freed in the last minutes, and what the other program just
freed moves a build by up to 3 x. Prints each one's median wall, user and system time and
peak memory. docs/performance.md uses it for changes to how the output is written.
"""
import os, statistics, sys

from timed_build import run

if len(sys.argv) < 4:
    sys.exit(__doc__)
site = sys.argv[1]; bins = sys.argv[2].split(','); rounds = int(sys.argv[3])
hugo = os.path.join(os.path.dirname(os.path.abspath(site)), 'hugo')
res = {b: [] for b in bins}; hres = []


for r in range(rounds):
    for b in (bins if r % 2 == 0 else bins[::-1]):
        res[b].append(run([os.path.abspath(b), 'build', '--now', '2026-11-24T00:00:00Z'], site, os.path.join(site, 'public')))
        hres.append(run(['hugo', '--quiet'], hugo, os.path.join(hugo, 'public')))
for name, rows in list(res.items()) + [('hugo', hres)]:
    w = [x[0] for x in rows]
    print(f"{name}: wall median {statistics.median(w):.3f} s (min {min(w):.3f}, max {max(w):.3f}), "
          f"user {statistics.median(x[1] for x in rows):.2f}, sys {statistics.median(x[2] for x in rows):.2f}, "
          f"peak {statistics.median(x[3] for x in rows):.1f} MiB")
