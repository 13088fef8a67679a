#!/usr/bin/env python3
"""Time from saving one incident to the reload event, on a running `slasite serve` (issue 6).

    scripts/serve-latency.py SLASITE_BINARY SITE_DIR [--edits 10] [--samples SERVICE | --figures]

Starts `serve --port 0` on SITE_DIR (edits one incident's body there and restores it), listens
on /__slasite/events, and prints the save-to-event times and the server's own rebuild times.
With --figures, each edit moves the incident's end by a minute (and back), so the figures change.
With --samples, each edit instead changes the errors of one row of
content/status/samples/SERVICE.csv (issue 15: the file is rewritten whole, as an importer
would), so the month's figures change.
"""
import argparse
import glob
import os
import re
import socket
import statistics
import subprocess
import threading
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("site")
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--samples", metavar="SERVICE", help="edit content/status/samples/SERVICE.csv instead of an incident")
    ap.add_argument("--figures", action="store_true",
                    help="edit the incident's end (a minute later, then back) instead of its text: every edit moves figures")
    a = ap.parse_args()
    proc = subprocess.Popen([a.binary, "serve", "--source", a.site, "--port", "0", "--now", "2026-11-24T00:00:00Z"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log = []
    threading.Thread(target=lambda: [log.append(l) for l in proc.stderr], daemon=True).start()
    line = proc.stdout.readline()
    port = int(re.search(r":(\d+)/", line).group(1))
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /__slasite/events HTTP/1.1\r\nHost: x\r\n\r\n")
    buf = b""
    while b": connected" not in buf:
        buf += sock.recv(4096)
    # The first incident that is not maintenance (a maintenance edit also changes the calendar).
    paths = sorted(glob.glob(os.path.join(a.site, "content/status/incidents/*.md")))
    incident = next((p for p in paths if "impact: maintenance" not in open(p, encoding="utf-8").read()), paths[0])
    if a.samples:
        incident = os.path.join(a.site, "content", "status", "samples", a.samples + ".csv")
    original = open(incident, encoding="utf-8").read()
    if a.samples:
        # The 1,000th row: its errors set to all or none of its requests, in turn.
        head, rest = original.split("\n", 1000), None
        start, total, errors = head[999].split(",")
        rest = head[1000]
        edited = ["\n".join(head[:999] + [f"{start},{total},{v}", rest]) for v in (total, "0")]
    if a.figures:
        m = re.search(r"^end: (\d{4}-\d\d-\d\dT\d\d):(\d\d)(.*)$", original, re.M)
        if not m:
            sys.exit(f"{incident} has no end: to move")
        later = f"end: {m.group(1)}:{(int(m.group(2)) + 1) % 60:02d}{m.group(3)}"
        edited = [original.replace(m.group(0), later), original]
    waits = []
    try:
        for k in range(a.edits):
            time.sleep(0.3)
            buf = b""
            t0 = time.perf_counter()
            with open(incident, "w", encoding="utf-8") as f:
                f.write(edited[k % 2] if a.samples or a.figures else original + f"\nEdit {k}.\n")
            while b"event: reload" not in buf:
                buf += sock.recv(4096)
            waits.append((time.perf_counter() - t0) * 1000)
    finally:
        with open(incident, "w", encoding="utf-8") as f:
            f.write(original)
        proc.terminate()
        proc.wait(timeout=10)
    rebuilds = [l.strip() for l in log if "rebuilt" in l][1:]
    times = [float(m.group(1)) for l in rebuilds if (m := re.search(r" in ([0-9.]+) ms", l))]
    print(f"save to reload event, ms: median {statistics.median(waits):.1f}, "
          f"min {min(waits):.1f}, max {max(waits):.1f} over {len(waits)} edits")
    if times:
        print(f"rebuild (the server's own timing), ms: median {statistics.median(times):.1f}, "
              f"min {min(times):.1f}, max {max(times):.1f}")
    print("save to event includes the inotify wake-up, two scans and 60 ms of debounce; last rebuilds:")
    for l in rebuilds[-3:]:
        print("  " + re.sub(r"^.*?rebuilt", "rebuilt", l))


if __name__ == "__main__":
    main()
