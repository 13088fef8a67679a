#!/usr/bin/env python3
"""CPU of two slasite binaries on one site, without the file system's noise (issue 23).

    scripts/cpu-ab.py BIN_A BIN_B SITE [ROUNDS]

Builds SITE with each binary in turn (A B, B A, ...), pinned to one core (`taskset -c 1`) and
writing to tmpfs (/dev/shm), and prints the median user + sys time and peak RSS of each and
the ratio B/A. On this VM a build into ext4 right after deleting the previous output spends
a varying share of its time in the kernel's inode search, which swamps small differences
between binaries; this leaves it out. docs/performance.md uses it.
"""
import os, subprocess, sys, time, statistics, shutil
if len(sys.argv) < 4:
    sys.exit(__doc__)
bins = sys.argv[1:3]; site = sys.argv[3]; rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 6
res = {b: [] for b in bins}
for r in range(rounds):
    for b in (bins if r % 2 == 0 else bins[::-1]):
        out = "/dev/shm/ab-out"
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.perf_counter()
        p = subprocess.Popen(["taskset", "-c", "1", b, "build", "--now", "2026-11-24T00:00:00Z", "--output", out, "-q"], cwd=site)
        _, st, ru = os.wait4(p.pid, 0)
        res[b].append((ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024))
for b in bins:
    cpu = [c for c, _ in res[b]]
    print(f"{b}: cpu median {statistics.median(cpu):.3f} s (min {min(cpu):.3f}, max {max(cpu):.3f}), rss median {statistics.median(m for _, m in res[b]):.0f} MiB")
a, c = (statistics.median(c for c, _ in res[b]) for b in bins)
print(f"ratio {bins[1]}/{bins[0]}: {c / a:.3f}")
