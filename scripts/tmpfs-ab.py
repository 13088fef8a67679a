#!/usr/bin/env python3
"""Wall and CPU time of slasite binaries on all cores, writing to tmpfs (issue 23).

    scripts/tmpfs-ab.py SITE BIN_A[,BIN_B...] [ROUNDS] [--one-core] [--hugo HUGO_SITE]

Builds SITE with each binary in turn (A B, B A, ...), output on /dev/shm, and prints each one's
median wall time, CPU time (user + sys) and peak RSS. `cpu-ab.py` pins builds to one core; this
runs them as users do, on every core, so it also shows what the workers cost each other (two
cores retaining the same objects take turns owning their cache lines). With `--one-core` each
binary is also run pinned to one core, and the difference of the CPU times is what running in
parallel costs. With `--hugo HUGO_SITE` (the `hugo/` folder of a gen_corpus.py corpus) Hugo builds
that site in the same rounds, also into tmpfs (`hugo --quiet --destination`), and each binary's
ratio of medians to Hugo's wall time is printed: the comparison with the file system's own cost
taken out (on this VM's ext4 both pay for every inode they create after compare.py deleted the
last output). docs/performance.md uses it.
"""
import os, shutil, statistics, subprocess, sys, time

argv = sys.argv[1:]
hugo_site = None
if "--hugo" in argv:
    k = argv.index("--hugo")
    hugo_site = argv[k + 1]
    del argv[k:k + 2]
args = [a for a in argv if not a.startswith("--")]
if len(args) < 2:
    sys.exit(__doc__)
site, bins = args[0], args[1].split(",")
rounds = int(args[2]) if len(args) > 2 else 6
modes = ["all cores", "one core"] if "--one-core" in sys.argv else ["all cores"]
out = "/dev/shm/tmpfs-ab"
res = {(b, m): [] for b in bins for m in modes}
HUGO = "hugo"
if hugo_site:
    res[(HUGO, "all cores")] = []
for r in range(rounds):
    for b in (bins if r % 2 == 0 else bins[::-1]) + ([HUGO] if hugo_site else []):
        for m in (modes if b != HUGO else ["all cores"]):
            shutil.rmtree(out, ignore_errors=True)
            pin = ["taskset", "-c", "1"] if m == "one core" else []
            t0 = time.perf_counter()
            if b == HUGO:
                cmd, cwd = ["hugo", "--quiet", "--destination", out], hugo_site
            else:
                cmd, cwd = pin + [b, "build", "--now", "2026-11-24T00:00:00Z", "--output", out, "-q"], site
            p = subprocess.Popen(cmd, cwd=cwd)
            _, status, ru = os.wait4(p.pid, 0)
            if status != 0:
                sys.exit(f"{b} failed on {site}")
            res[(b, m)].append((time.perf_counter() - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024))
shutil.rmtree(out, ignore_errors=True)
for (b, m), rows in res.items():
    wall, cpu = [x[0] for x in rows], [x[1] for x in rows]
    print(f"{b} ({m}): wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}, max {max(wall):.3f}), "
          f"cpu median {statistics.median(cpu):.3f} s (min {min(cpu):.3f}, max {max(cpu):.3f}), "
          f"rss median {statistics.median(x[2] for x in rows):.1f} MiB")
if hugo_site:
    h = statistics.median(x[0] for x in res[(HUGO, "all cores")])
    for b in bins:
        print(f"{b}: wall ratio to Hugo (medians, tmpfs): {statistics.median(x[0] for x in res[(b, 'all cores')]) / h:.3f}")
