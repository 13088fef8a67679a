#!/usr/bin/env python3
"""The file copy floor against Hugo and slasite, in compare.py's own protocol (issue 23).

    scripts/floor.py SLASITE_BINARY CORPUS [--runs 5]

CORPUS is a folder made by ../shared/bench/gen_corpus.py (holding slasite/ and hugo/). Builds
the site once, keeps a copy of its output, then runs in turn, each right after deleting its own
previous output as compare.py does: `cp -r` of that copy, `hugo --quiet`, `slasite build`. Prints
each one's median wall, user and system time and the median of the per-round ratios to Hugo.
`cp -r` writes the same folders and files as slasite with no work of its own: the issue took
it for the floor of any generator's wall time. On a file system whose inode search steps over
recently freed inodes (ext4 without a journal, this VM) it is not one: it packs its folders
next to each other and meets whatever the last builds freed there (docs/performance.md, "The
floor is not `cp -r` here").
"""
import argparse, os, shutil, statistics, sys

from timed_build import run


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("slasite")
    ap.add_argument("corpus")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    s_dir, h_dir = os.path.join(a.corpus, "slasite"), os.path.join(a.corpus, "hugo")
    s_cmd = [os.path.abspath(a.slasite), "build", "--now", "2026-11-24T00:00:00Z"]
    run(s_cmd, s_dir, os.path.join(s_dir, "public"))
    copy_src, copy_dst = os.path.join(a.corpus, "floor-src"), os.path.join(a.corpus, "floor-dst")
    shutil.rmtree(copy_src, ignore_errors=True)
    shutil.copytree(os.path.join(s_dir, "public"), copy_src)
    rows = {"cp -r": [], "hugo": [], "slasite": []}
    for _ in range(a.runs):
        rows["cp -r"].append(run(["cp", "-r", copy_src, copy_dst], a.corpus, copy_dst))
        rows["hugo"].append(run(["hugo", "--quiet"], h_dir, os.path.join(h_dir, "public")))
        rows["slasite"].append(run(s_cmd, s_dir, os.path.join(s_dir, "public")))
    for name, r in rows.items():
        ratio = statistics.median(x[0] / h[0] for x, h in zip(r, rows["hugo"]))
        print(f"{name:8} wall median {statistics.median(x[0] for x in r):.3f} s "
              f"(min {min(x[0] for x in r):.3f}, max {max(x[0] for x in r):.3f}), "
              f"user {statistics.median(x[1] for x in r):.2f}, sys {statistics.median(x[2] for x in r):.2f}, "
              f"ratio to hugo {ratio:.3f}")
    shutil.rmtree(copy_src, ignore_errors=True)
    shutil.rmtree(copy_dst, ignore_errors=True)


if __name__ == "__main__":
    main()
