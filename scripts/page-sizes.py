#!/usr/bin/env python3
"""Bytes of the details pages, of the 90-day strips and of the status page of an output folder
(issue 23).

    scripts/page-sizes.py OUTPUT...
"""
import glob
import re
import statistics
import sys

STRIP = re.compile(
    rb'<div class="days-strip">.*?</p>\n(?:<details.*?</details>\n|<p class="days-none">.*?</p>\n)</div>', re.S)

for root in sys.argv[1:]:
    pages = [p for p in glob.glob(root + "/plans/*/*/index.html") if "/versions/" not in p]
    sizes = [len(open(p, "rb").read()) for p in pages]
    strips = []
    for p in pages + [root + "/status/index.html"]:
        strips += [len(m.group(0)) for m in STRIP.finditer(open(p, "rb").read())]
    status = len(open(root + "/status/index.html", "rb").read())
    print(f"{root}: {len(pages)} details pages, mean {statistics.mean(sizes):,.0f} B, median "
          f"{statistics.median(sizes):,.0f} B; {len(strips)} strips, mean {statistics.mean(strips):,.0f} B, "
          f"median {statistics.median(strips):,.0f} B, max {max(strips):,} B; status page {status:,} B")
