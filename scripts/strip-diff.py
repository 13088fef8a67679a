#!/usr/bin/env python3
"""Compares two output folders apart from the 90-day strips' bars and the stylesheet (issue 23).

    scripts/strip-diff.py BEFORE AFTER

Every file must be the same byte for byte once, in each HTML file, the stylesheet's hashed name
is made neutral and each strip's bars (from `<div class="days-strip">` up to its axis line) are
cut out; the stylesheet itself is skipped. Prints how many strips were cut out and every other
difference; exits 1 when there is one."""
import os
import re
import sys

HASHED = re.compile(rb"style\.[0-9a-f]{12}\.css")
BARS = re.compile(rb'<div class="days-strip">\n.*?\n<p class="days-axis"', re.S)


def files(root):
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.relpath(os.path.join(folder, name), root)
            out[HASHED.sub(b"style.css", path.encode()).decode()] = os.path.join(folder, name)
    return out


def neutral(data):
    return BARS.sub(b"STRIP", HASHED.sub(b"style.css", data))


before, after = files(sys.argv[1]), files(sys.argv[2])
different = sorted(set(before) ^ set(after))
strips = 0
for path in sorted(set(before) & set(after)):
    if path.endswith("style.css"):
        continue
    a = open(before[path], "rb").read()
    b = open(after[path], "rb").read()
    if a == b:
        continue
    na, nb = neutral(a), neutral(b)
    strips += na.count(b"STRIP")
    if na != nb:
        different.append(path)
print(f"{len(before)} files; strips cut out: {strips}; other differences: {len(different)}")
for path in different:
    print("  " + path)
sys.exit(1 if different else 0)
