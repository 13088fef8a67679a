"""One timed run as compare.py times it (issue 23): its output folder deleted first, then the
command run from `cwd`; returns wall, user and system seconds and peak memory in MiB. Shared by
scripts/floor.py and scripts/ab-hugo.py."""
import os, shutil, subprocess, sys, time


def run(cmd, cwd, out):
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    return time.perf_counter() - t0, ru.ru_utime, ru.ru_stime, ru.ru_maxrss / 1024
