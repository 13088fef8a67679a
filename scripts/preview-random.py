#!/usr/bin/env python3
"""Randomized differential test of `slasite serve` against `slasite build`.

Copies a site into a temporary folder, starts the real preview server on it, and applies
random, valid edits of many kinds (incidents added, removed, renamed, retimed, ...; plan terms;
site.yaml; measurements.csv; request samples and the downtime term, both sources; composite
services' parts; theme overrides). After each edit it waits for the server's
`reload` (or, after a stylesheet-only edit, `styles`) event, runs a fresh full build of the same files with the same --now, and requires
that every file the build wrote is served byte for byte (HTML after removing the reload script
that only `serve` injects), and that every path an earlier build wrote but this one did not
gives 404. After a mismatch the server is restarted, so later edits are judged on their own.

    scripts/preview-random.py [--seed N] [--seeds K] [--edits N] [--bin PATH] [--site DIR]

Exit status 1 on any mismatch. tests/test_preview_differential.py runs a short fixed-seed
run of the same engine (it imports this file).
"""
import argparse
import difflib
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
NOW = "2026-11-24T00:00:00Z"
NOW_DT = datetime(2026, 11, 24, tzinfo=timezone.utc)
EVENT_TIMEOUT = 20.0

# Exactly what Sources/PreviewServer/ReloadScript.swift's inject() adds to served HTML
# (the overlay, shown only after a failed build, is deliberately not stripped).
RELOAD_SCRIPT = re.compile(rb'<script id="slasite-reload">.*?</script>', re.S)


# --------------------------------------------------------------------------------------------
# The binary


def binary_path():
    return os.environ.get("SLASITE_BIN") or DEFAULT_BINARY


def ensure_binary(path=None):
    """Like tests/test_serve.py: build the debug binary when it is missing (default path only)."""
    path = path or binary_path()
    if not os.path.exists(path):
        if os.path.abspath(path) != DEFAULT_BINARY:
            raise FileNotFoundError(f"SLASITE_BIN={path} does not exist")
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    return path


def spawn(make, *args, **kwargs):
    """subprocess.Popen/run, retried while the binary is being relinked (ETXTBSY), as happens
    when someone rebuilds it during a long run."""
    deadline = time.monotonic() + 60
    while True:
        try:
            return make(*args, **kwargs)
        except OSError as e:
            if e.errno != 26 or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


# --------------------------------------------------------------------------------------------
# Front matter and YAML blocks, edited as text (the way an author edits them)


FM = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*(?:\n|\Z)", re.S | re.M)


def split_fm(text):
    m = FM.match(text)
    if not m:
        raise ValueError("no front matter")
    return m.group(1).splitlines(), text[m.end():]


def join_fm(lines, body):
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def _is_child(lines, j, hi, indent):
    line = lines[j]
    if line.strip() == "":
        # A blank line belongs to the block only when the block goes on after it.
        k = j + 1
        while k < hi and lines[k].strip() == "":
            k += 1
        return k < hi and _is_child(lines, k, hi, indent)
    n = _indent(line)
    return n > indent or (n == indent and line.lstrip().startswith("- "))


def block(lines, key, indent=0, lo=0, hi=None):
    """(i, j): lines[i:j] is `key:` at exactly `indent` spaces and its children, or None."""
    hi = len(lines) if hi is None else hi
    pat = re.compile(r"^" + " " * indent + re.escape(key) + r":(\s|$)")
    for i in range(lo, hi):
        if pat.match(lines[i]):
            j = i + 1
            while j < hi and _is_child(lines, j, hi, indent):
                j += 1
            return i, j
    return None


def keys_at(lines, indent=0, lo=0, hi=None):
    hi = len(lines) if hi is None else hi
    out = []
    for i in range(lo, hi):
        m = re.match(r"^" + " " * indent + r"([a-z0-9_-]+):(\s|$)", lines[i])
        if m:
            out.append(m.group(1))
    return out


def scalar(lines, key, indent=0, lo=0, hi=None):
    r = block(lines, key, indent, lo, hi)
    if not r:
        return None
    raw = lines[r[0]].split(":", 1)[1].strip()
    if raw.startswith('"') and raw.endswith('"'):
        return json.loads(raw)
    if raw.startswith("'") and raw.endswith("'"):
        return raw[1:-1].replace("''", "'")
    return raw


def set_block(lines, key, new, indent=0, lo=0, hi=None, before=None):
    """Replaces the block of `key` by the lines `new` (None: removes it); adds it when absent,
    before the block of `before` if there is one, else at the end of the range."""
    lines = list(lines)
    hi = len(lines) if hi is None else hi
    r = block(lines, key, indent, lo, hi)
    if r:
        lines[r[0]:r[1]] = new or []
    elif new:
        at = hi
        if before:
            b = block(lines, before, indent, lo, hi)
            if b:
                at = b[0]
        lines[at:at] = new
    return lines


def num(x):
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return s if s else "0"


def q(s):
    return json.dumps(s, ensure_ascii=False)


def parse_time(raw):
    """(datetime, style) for an incident time; style is 'Z', an offset like '+01:00', or ''."""
    raw = raw.strip().strip('"').strip("'")
    m = re.match(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(Z|[+-]\d\d:\d\d)?$", raw)
    if not m:
        raise ValueError(f"unexpected time {raw!r}")
    style = m.group(2) or ""
    dt = datetime.fromisoformat(m.group(1) + ("+00:00" if style in ("Z", "") else style))
    return dt, style


def format_time(dt, style):
    """`dt` (aware) written in `style`; '' (site time zone) is written as the UTC wall clock,
    which is fine: the value only has to be valid."""
    if style in ("Z", ""):
        t = dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        return t + style
    sign = 1 if style[0] == "+" else -1
    off = timedelta(hours=int(style[1:3]), minutes=int(style[4:6])) * sign
    return dt.astimezone(timezone(off)).strftime("%Y-%m-%dT%H:%M:%S") + style


# --------------------------------------------------------------------------------------------
# The site on disk


class Site:
    def __init__(self, root):
        self.root = root
        self.history = []  # (rel, text before the edit or None), for the undo edit

    def _remember(self, rel):
        self.history.append((rel, self.read(rel) if self.exists(rel) else None))

    def p(self, rel):
        return os.path.join(self.root, rel)

    def exists(self, rel):
        return os.path.exists(self.p(rel))

    def read(self, rel):
        with open(self.p(rel), encoding="utf-8") as f:
            return f.read()

    def write(self, rel, text, rng):
        """Writes like an editor: either in place or to a hidden temporary file renamed over the
        file. Either way the file's mtime is made to change."""
        self._remember(rel)
        path = self.p(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        old = os.stat(path).st_mtime_ns if os.path.exists(path) else 0
        target = max(time.time_ns(), old + 1_000_000)
        if rng.random() < 0.5:
            tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.tmp{os.getpid()}")
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.utime(tmp, ns=(target, target))
            os.replace(tmp, path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            if os.stat(path).st_mtime_ns <= old:
                os.utime(path, ns=(target, target))

    def translations_of(self, rel):
        """`content/plans/pro.md` → its translations beside it (`pro.de.md`, …)."""
        if not rel.endswith(".md") or os.path.basename(rel).count(".") != 1:
            return []
        d = os.path.dirname(self.p(rel))
        stem = os.path.basename(rel)[:-3]
        return [os.path.join(os.path.dirname(rel), n) for n in sorted(os.listdir(d))
                if n.startswith(stem + ".") and n.count(".") == 2 and n.endswith(".md")]

    def remove(self, rel):
        # A translation goes with its file: one of a file that is gone is an error.
        for t in self.translations_of(rel):
            self._remember(t)
            os.remove(self.p(t))
        self._remember(rel)
        os.remove(self.p(rel))

    def rename(self, a, b):
        for t in self.translations_of(a):
            moved = b[:-3] + t[len(a) - 3:]
            self._remember(t)
            self._remember(moved)
            os.rename(self.p(t), self.p(moved))
        self._remember(a)
        self._remember(b)
        os.rename(self.p(a), self.p(b))

    def ids(self, folder):
        d = self.p(folder)
        if not os.path.isdir(d):
            return []
        # `<name>.<code>.md` is a translation (docs/spec.md §2), not a file of its own.
        return sorted(n[:-3] for n in os.listdir(d) if n.endswith(".md") and not n.startswith(".") and n.count(".") == 1)

    def plans(self):
        return self.ids("content/plans")

    def services(self):
        return self.ids("content/services")

    def incidents(self):
        return self.ids("content/status/incidents")

    def theme(self):
        lines = self.read("site.yaml").splitlines()
        return scalar(lines, "theme") or "default"

    def plan_services(self, plan):
        lines, _ = split_fm(self.read(f"content/plans/{plan}.md"))
        r = block(lines, "services")
        return keys_at(lines, 2, r[0] + 1, r[1]) if r else []


# --------------------------------------------------------------------------------------------
# The edits. Each takes (site, rng, n) and returns a description, or None when it does not
# apply to the site as it is (the engine then picks another kind).

WORDS = ["latency", "errors", "outage", "timeouts", "degradation", "packet-loss", "failover",
         "throttling", "dns", "storage", "api", "network", "control-plane", "lon-1", "ams-1"]
TITLES = ["Elevated error rates", "Increased latency for API requests", "Connection failures",
          "Partial outage in lon-1", "Scheduled maintenance: kernel upgrades",
          "Degraded performance & retries", "Requests timing out <in ams-1>", "Service unavailable"]
SENTENCES = ["We are monitoring the fix.", "Customers may have seen **HTTP 503** responses.",
             "See the [status page](/status/) for updates.", "Retries succeeded after a few seconds.",
             "The root cause was a configuration change; it has been reverted.",
             "- Affected regions: lon-1, ams-1", "Engineers identified a faulty switch & replaced it.",
             "Raw HTML: <span class=\"raw\">only with markdown.unsafe</span>.",
             "<div class=\"raw-block\">A raw HTML block.</div>"]
IMPACTS = ["major", "partial", "degraded", "maintenance"]
UPTIMES = [98.0, 99.0, 99.5, 99.9, 99.95, 99.99]
ZONES = ["Europe/London", "UTC", "America/New_York"]


def _incident(site, slug):
    lines, body = split_fm(site.read(f"content/status/incidents/{slug}.md"))
    return lines, body


def _time_range(site):
    starts = []
    for slug in site.incidents():
        lines, _ = _incident(site, slug)
        raw = scalar(lines, "start")
        if raw:
            starts.append(parse_time(raw)[0])
    lo = min(starts) - timedelta(days=20) if starts else NOW_DT - timedelta(days=300)
    return lo, NOW_DT


def _new_slug(site, rng, date):
    while True:
        slug = f"{date:%Y-%m-%d}-{rng.choice(WORDS)}-{rng.choice(WORDS)}-{rng.randrange(1000)}"
        if not site.exists(f"content/status/incidents/{slug}.md"):
            return slug


def _body(rng):
    return "## Summary\n\n" + " ".join(rng.sample(SENTENCES[:5], 2)) + "\n\n## Impact\n\n" + rng.choice(SENTENCES) + "\n"


def incident_added(site, rng, n):
    services = site.services()
    lo, hi = _time_range(site)
    impact = rng.choice(IMPACTS)
    r = rng.random()
    if r < 0.1:  # still open
        start = NOW_DT - timedelta(minutes=rng.randrange(10, 3000))
        end = None
        if impact == "maintenance":
            end = NOW_DT + timedelta(minutes=rng.randrange(10, 600))
    elif r < 0.2 and impact == "maintenance":  # scheduled
        start = NOW_DT + timedelta(days=rng.randrange(1, 30), minutes=rng.randrange(1440))
        end = start + timedelta(minutes=rng.randrange(30, 300))
    else:
        span = int((hi - lo).total_seconds() // 60)
        start = lo + timedelta(minutes=rng.randrange(span))
        end = min(start + timedelta(minutes=rng.randrange(1, 600)), NOW_DT - timedelta(minutes=1))
        if end < start:
            end = start
    style = rng.choice(["Z", "Z", "+01:00", ""])
    chosen = sorted(rng.sample(services, min(len(services), rng.choice([1, 1, 2]))))
    slug = _new_slug(site, rng, start)
    lines = [f"title: {q(rng.choice(TITLES))}", f"services: [{', '.join(chosen)}]", f"impact: {impact}"]
    if rng.random() < 0.15:
        covering = [p for p in site.plans() if set(chosen) & set(site.plan_services(p))]
        if covering:
            lines.append(f"plans: [{rng.choice(covering)}]")
    lines.append(f"start: {format_time(start, style)}")
    if end is not None:
        lines.append(f"end: {format_time(end, style)}")
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, _body(rng)), rng)
    return f"added {slug} ({impact}, {', '.join(chosen)}, {format_time(start, style)}{'' if end else ', open'})"


def incident_removed(site, rng, n):
    slugs = site.incidents()
    if len(slugs) < 3:
        return None
    slug = rng.choice(slugs)
    site.remove(f"content/status/incidents/{slug}.md")
    return f"removed {slug}"


def _pick_incident(site, rng):
    """A random incident's slug, or None when the site has none."""
    slugs = site.incidents()
    return rng.choice(slugs) if slugs else None


def incident_renamed(site, rng, n):
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, _ = _incident(site, slug)
    new = _new_slug(site, rng, parse_time(scalar(lines, "start"))[0])
    site.rename(f"content/status/incidents/{slug}.md", f"content/status/incidents/{new}.md")
    return f"renamed {slug} -> {new}"


def incident_retimed(site, rng, n):
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    start, style = parse_time(scalar(lines, "start"))
    end_raw = scalar(lines, "end")
    end = parse_time(end_raw)[0] if end_raw else None
    before = (start, end)
    while (start, end) == before:
        start, end, what = _retime(lines, start, end, rng)
    lines = set_block(lines, "start", [f"start: {format_time(start, style)}"])
    lines = set_block(lines, "end", [f"end: {format_time(end, style)}"] if end else None)
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: {what}: {format_time(start, style)} .. {format_time(end, style) if end else 'open'}"


def _retime(lines, start, end, rng):
    r = rng.random()
    if r < 0.4:  # move the whole incident
        d = timedelta(minutes=rng.randrange(-4000, 4000))
        if scalar(lines, "impact") != "maintenance" and (end or start) + d > NOW_DT:
            d = -abs(d)  # only maintenance is announced ahead
        start, end = start + d, (end + d if end else None)
        what = f"moved by {d}"
    elif r < 0.8:  # a new end (or close an open one)
        end = start + timedelta(minutes=rng.randrange(0, 900))
        what = "new end"
    elif r < 0.9:  # a new start before the end
        start = (end or NOW_DT) - timedelta(minutes=rng.randrange(1, 900))
        what = "new start"
    else:  # reopen: the incident runs until now
        start = NOW_DT - timedelta(minutes=rng.randrange(5, 2000))
        end = None
        what = "reopened"
    return start, end, what


def incident_reimpacted(site, rng, n):
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    old = scalar(lines, "impact")
    new = rng.choice([i for i in IMPACTS if i != old])
    lines = set_block(lines, "impact", [f"impact: {new}"])
    if (old == "maintenance") != (new == "maintenance"):
        # Maintenance windows have statuses of their own (issue 16): the old updates go.
        lines = set_block(lines, "updates", None)
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: impact {old} -> {new}"


def incident_updates(site, rng, n):
    """Issue 16: replaces an incident's timeline by 0 to 3 valid updates (times in order from its
    start, statuses of its kind, the final status last when the incident has ended)."""
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    start, style = parse_time(scalar(lines, "start"))
    maintenance = scalar(lines, "impact") == "maintenance"
    steps = ["scheduled", "in_progress", "completed"] if maintenance else ["investigating", "identified", "monitoring", "resolved"]
    count = rng.randint(0, 3)
    if count == 0:
        lines = set_block(lines, "updates", None)
        site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
        return f"{slug}: updates removed"
    ended = scalar(lines, "end") is not None
    statuses = sorted(rng.sample(range(len(steps) - 1), min(count, len(steps) - 1)))
    chosen = [steps[k] for k in statuses]
    if ended and rng.random() < 0.5:
        chosen[-1] = steps[-1]
    at = start
    new = ["updates:"]
    for k, status in enumerate(chosen):
        at = at + timedelta(minutes=rng.randint(0, 40))
        note = f"{rng.choice(WORDS).capitalize()} *{n}-{k}*."
        new += [f"  - at: {format_time(at, style)}", f"    status: {status}", f"    note: {q(note)}"]
    lines = set_block(lines, "updates", new)
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: {len(chosen)} updates ({', '.join(chosen)})"


def _edit_body(body, rng, n):
    paras = body.rstrip("\n").split("\n\n") if body.strip() else []
    r = rng.random()
    if r < 0.4 or not paras:
        paras.append(f"{rng.choice(SENTENCES)} (edit {n})")
        what = "paragraph appended"
    elif r < 0.7:
        i = rng.randrange(len(paras))
        paras[i] = paras[i] + f" Edited ({n})."
        what = f"paragraph {i + 1} extended"
    elif r < 0.85 and len(paras) > 1:
        i = rng.randrange(len(paras))
        del paras[i]
        what = f"paragraph {i + 1} removed"
    else:
        i = rng.randrange(len(paras) + 1)
        paras.insert(i, f"## Update {n}\n\n{rng.choice(SENTENCES)}")
        what = f"section inserted at {i + 1}"
    return "\n\n".join(paras) + "\n", what


def incident_body(site, rng, n):
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    body, what = _edit_body(body, rng, n)
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: {what}"


def incident_title(site, rng, n):
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    title = f"{rng.choice(TITLES)} ({n})"
    lines = set_block(lines, "title", [f"title: {q(title)}"])
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: title {title!r}"


def _plan_term(site, rng, key, make):
    """Sets (or removes) the term `key` of a random plan, at the plan level or in one entry
    of its `services` map. `make(old_lines)` gives the new block at indent 0, or None."""
    plan = rng.choice(site.plans())
    rel = f"content/plans/{plan}.md"
    lines, body = split_fm(site.read(rel))
    svc_block = block(lines, "services")
    entries = keys_at(lines, 2, svc_block[0] + 1, svc_block[1]) if svc_block else []
    if entries and rng.random() < 0.35:
        svc = rng.choice(entries)
        i, j = block(lines, svc, 2, svc_block[0] + 1, svc_block[1])
        head = lines[i].split(":", 1)[1].strip()
        if head not in ("", "{}"):
            return None  # a flow mapping with terms: not edited here
        children = lines[i + 1:j]
        old = block(children, key, 4)
        new = make([c[4:] for c in children[old[0]:old[1]]] if old else None)
        children = set_block(children, key, ["    " + x for x in new] if new else None, 4)
        entry = [f"  {svc}:" if children else f"  {svc}: {{}}"] + children
        lines[i:j] = entry
        where = f"{plan}.services.{svc}"
    else:
        old = block(lines, key)
        new = make(lines[old[0]:old[1]] if old else None)
        lines = set_block(lines, key, new, before="services")
        where = plan
    site.write(rel, join_fm(lines, body), rng)
    return f"{where}: " + (" ".join(x.strip() for x in new) if new else f"{key} removed")


def plan_uptime(site, rng, n):
    def make(old):
        cur = old[0].split(":", 1)[1].strip() if old else None
        if old and rng.random() < 0.15:
            return None
        return [f"uptime: {num(rng.choice([u for u in UPTIMES if num(u) != cur]))}"]
    return _plan_term(site, rng, "uptime", make)


def _tiers(rng):
    belows = sorted(rng.sample([99.99, 99.95, 99.9, 99.5, 99.0, 98.0, 95.0, 90.0], rng.randrange(1, 5)), reverse=True)
    credits = sorted(rng.sample([5, 10, 15, 25, 30, 50, 100], len(belows)))
    return list(zip(belows, credits))


def plan_credits(site, rng, n):
    def make(old):
        if rng.random() < 0.1:
            return ["credits: []"]
        tiers = _tiers(rng)
        if rng.random() < 0.5:
            return ["credits:"] + [f"  - {{below: {num(b)}, credit: {num(c)}}}" for b, c in tiers]
        return ["credits:"] + [x for b, c in tiers for x in (f"  - below: {num(b)}", f"    credit: {num(c)}")]
    return _plan_term(site, rng, "credits", make)


def plan_credit_cap(site, rng, n):
    def make(old):
        if old and rng.random() < 0.2:
            return None
        cur = old[0].split(":", 1)[1].strip() if old else None
        return [f"credit_cap: {rng.choice([c for c in ['10', '20', '25', '30', '50', '75', '100'] if c != cur])}"]
    return _plan_term(site, rng, "credit_cap", make)


def impact_weights(site, rng, n):
    lines = site.read("site.yaml").splitlines()
    values = {"major": rng.choice([1.0, 1.0, 0.9]), "partial": rng.choice([0.1, 0.25, 0.3, 0.5, 0.75]),
              "degraded": rng.choice([0.0, 0.0, 0.05, 0.1]), "maintenance": rng.choice([1.0, 0.5, 0.0])}
    keys = [k for k in values if rng.random() < 0.8] or ["partial"]
    if rng.random() < 0.1 and block(lines, "impact_weights"):
        new = None
    else:
        new = ["impact_weights:"] + [f"  {k}: {num(values[k])}" for k in keys]
    lines = set_block(lines, "impact_weights", new, before="defaults")
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return " ".join(x.strip() for x in new) if new else "impact_weights removed"


def incident_weight(site, rng, n):
    """An incident's own weight set, changed or removed (issue 17)."""
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    new = None if block(lines, "weight") and rng.random() < 0.3 else [f"weight: {num(rng.choice([0, 0.25, 0.5, 0.8, 1]))}"]
    lines = set_block(lines, "weight", new)
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: " + (new[0] if new else "weight removed")


def _set_or_drop(rng, line):
    """A `make` for `_plan_term`: the term set to `line`, or (sometimes) a set one removed."""
    return lambda old: None if old and rng.random() < 0.3 else [line]


def level_impact_weights(site, rng, n):
    """impact_weights as a plan's (or a plan × service's) term (issue 17)."""
    line = f"impact_weights: {{partial: {num(rng.choice([0.1, 0.5, 1.0]))}}}"
    return _plan_term(site, rng, "impact_weights", _set_or_drop(rng, line))


def claim_window(site, rng, n):
    """A plan's claim window in days or in months (issue 17: claim_by, claims.ics); the other
    key goes, since one level states one window."""
    plan = rng.choice(site.plans())
    rel = f"content/plans/{plan}.md"
    lines, body = split_fm(site.read(rel))
    if rng.random() < 0.5:
        key, other, value = "claim_window_months", "claim_window_days", rng.choice([1, 2, 3])
    else:
        key, other, value = "claim_window_days", "claim_window_months", rng.choice([10, 15, 30, 45])
    lines = set_block(lines, other, None)
    new = None if block(lines, key) and rng.random() < 0.2 else [f"{key}: {value}"]
    lines = set_block(lines, key, new, before="services")
    site.write(rel, join_fm(lines, body), rng)
    return f"{plan}: " + (new[0] if new else f"{key} removed")


def status_since(site, rng, n):
    """site.yaml status_since set, moved or removed (issue 17: months without data)."""
    lines = site.read("site.yaml").splitlines()
    if block(lines, "status_since") and rng.random() < 0.3:
        new = None
    else:
        day = rng.choice(["2025-06-01", "2025-12-15", "2026-01-01", "2026-03-10", "2026-07-01"])
        new = [f"status_since: {day}"]
    lines = set_block(lines, "status_since", new, before="defaults")
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return new[0] if new else "status_since removed"


def timezone_changed(site, rng, n):
    lines = site.read("site.yaml").splitlines()
    cur = scalar(lines, "timezone") or "UTC"
    zone = rng.choice([z for z in ZONES if z != cur])
    lines = set_block(lines, "timezone", [f"timezone: {q(zone)}"], before="contact")
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return f"timezone {cur} -> {zone}"


MEASUREMENTS = "content/status/measurements.csv"


def _months():
    out, y, m = [], 2025, 12
    while (y, m) <= (2026, 11):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _rows(site):
    if not site.exists(MEASUREMENTS):
        return ["service,month,uptime"]
    return site.read(MEASUREMENTS).splitlines()


def _is_row(line):
    return line.strip() and not line.strip().startswith("#") and not line.replace(" ", "").startswith("service,month")


def measurement_added(site, rng, n):
    rows = _rows(site)
    taken = {tuple(x.strip() for x in r.split(",")[:2]) for r in rows if _is_row(r)}
    free = [(s, m) for s in site.services() for m in _months() if (s, m) not in taken]
    s, m = rng.choice(free)
    row = f"{s},{m},{rng.uniform(99.0, 100.0):.3f}"
    rows.insert(rng.randrange(1, len(rows) + 1), row)
    site.write(MEASUREMENTS, "\n".join(rows) + "\n", rng)
    return f"row {row} added"


def _pick_row(site, rng):
    """The measurements file's lines and the index of a random data row (None when there is none)."""
    rows = _rows(site)
    idx = [i for i, r in enumerate(rows) if _is_row(r)]
    return (rows, rng.choice(idx)) if idx else (rows, None)


def measurement_changed(site, rng, n):
    rows, i = _pick_row(site, rng)
    if i is None:
        return None
    s, m, cur = [x.strip() for x in rows[i].split(",")]
    value = cur
    while value == cur:
        value = f"{rng.choice([rng.uniform(95.0, 100.0), 100.0, 99.9]):.3f}"
    old, rows[i] = rows[i], f"{s},{m},{value}"
    site.write(MEASUREMENTS, "\n".join(rows) + "\n", rng)
    return f"row {old} -> {rows[i]}"


def measurement_removed(site, rng, n):
    rows, i = _pick_row(site, rng)
    if i is None:
        return None
    old = rows.pop(i)
    site.write(MEASUREMENTS, "\n".join(rows) + "\n", rng)
    return f"row {old} removed"


def service_defaults(site, rng, n):
    svc = rng.choice(site.services())
    rel = f"content/services/{svc}.md"
    lines, body = split_fm(site.read(rel))
    options = [
        f"  exclude_maintenance: {rng.choice(['true', 'false'])}",
        f"  credit_cap: {rng.choice([10, 25, 50, 100])}",
        f"  claim_window_days: {rng.choice([14, 30, 45, 90])}",
        f"  termination: {{consecutive_misses: {rng.randrange(1, 4)}}}",
        f"  uptime: {num(rng.choice([99.0, 99.5, 99.9]))}",
        "  support:\n    hours: " + rng.choice(['"24x7"', "business"]),
    ]
    if block(lines, "defaults") and rng.random() < 0.2:
        new = None
    else:
        chosen = sorted(rng.sample(range(len(options)), rng.randrange(1, 3)))
        new = ["defaults:"] + "\n".join(options[i] for i in chosen).split("\n")
    lines = set_block(lines, "defaults", new)
    site.write(rel, join_fm(lines, body), rng)
    return f"{svc}: " + (" ".join(x.strip() for x in new) if new else "defaults removed")


def title_changed(site, rng, n):
    folder = rng.choice(["plans", "services"])
    ident = rng.choice(site.ids(f"content/{folder}"))
    rel = f"content/{folder}/{ident}.md"
    lines, body = split_fm(site.read(rel))
    old = scalar(lines, "title")
    base = re.sub(r" \(rev \d+\)$", "", old)
    title = rng.choice([f"{base} (rev {n})", f"{base} & Co (rev {n})", f"{base} <EU> (rev {n})"])
    lines = set_block(lines, "title", [f"title: {q(title)}"])
    site.write(rel, join_fm(lines, body), rng)
    return f"{folder}/{ident}: title {old!r} -> {title!r}"


def terms_body(site, rng, n):
    rel = "content/terms.md"
    lines, body = split_fm(site.read(rel))
    body, what = _edit_body(body, rng, n)
    site.write(rel, join_fm(lines, body), rng)
    return f"terms.md: {what}"


def _body_of(folder):
    def edit(site, rng, n):
        ident = rng.choice(site.ids(f"content/{folder}"))
        rel = f"content/{folder}/{ident}.md"
        lines, body = split_fm(site.read(rel))
        body, what = _edit_body(body, rng, n)
        site.write(rel, join_fm(lines, body), rng)
        return f"{folder}/{ident}: {what}"
    return edit


def plan_support(site, rng, n):
    def make(old):
        sev = rng.sample(["critical", "high", "normal", "low"], rng.randrange(1, 4))
        resp = ", ".join(f"{s}: {rng.choice(['15m', '1h', '4h', '1 business day', '48h', 'immediate'])}" for s in sev)
        hours = rng.choice(['"24x7"', "business"])
        return ["support:", f"  hours: {hours}", f"  response: {{{resp}}}"]
    return _plan_term(site, rng, "support", make)


def plan_period(site, rng, n):
    """Issue 22: the measurement period of a plan (or a plan × service): month, quarter or year."""
    line = f"period: {rng.choice(['month', 'quarter', 'year'])}"
    return _plan_term(site, rng, "period", _set_or_drop(rng, line))


def plan_period_start(site, rng, n):
    """Issue 22: the month quarters and years start in (a fiscal period)."""
    line = f"period_start_month: {rng.randrange(1, 13)}"
    return _plan_term(site, rng, "period_start_month", _set_or_drop(rng, line))


def plan_termination(site, rng, n):
    line = f"termination: {{consecutive_misses: {rng.randrange(1, 5)}}}"
    return _plan_term(site, rng, "termination", _set_or_drop(rng, line))


def service_exclusions(site, rng, n):
    svc = rng.choice(site.services())
    rel = f"content/services/{svc}.md"
    lines, body = split_fm(site.read(rel))
    items = ["Customer-side network problems.", "Force majeure & events outside our control.",
             f"Beta features <preview> (rev {n}).", "Abuse or attacks directed at you."]
    chosen = rng.sample(items, rng.randrange(0, 4))
    new = ["exclusions:"] + [f"  - {q(x)}" for x in chosen] if chosen else None
    lines = set_block(lines, "exclusions", new, before="defaults")
    site.write(rel, join_fm(lines, body), rng)
    return f"{svc}: exclusions " + ("; ".join(chosen) if chosen else "removed")


def site_text(site, rng, n):
    lines = site.read("site.yaml").splitlines()
    key = rng.choice(["title", "provider"])
    old = scalar(lines, key)
    value = re.sub(r" \(rev \d+\)$", "", old) + f" (rev {n})"
    lines = set_block(lines, key, [f"{key}: {q(value)}"])
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return f"site.yaml {key} -> {value!r}"


def _languages(site):
    """The codes of site.yaml's languages other than the default (none for one language)."""
    codes = re.findall(r"^  - \{code: ([a-z-]+),", site.read("site.yaml"), re.M)
    return codes[1:]


def _translatable(site):
    return (["content/terms.md"] + [f"content/plans/{i}.md" for i in site.plans()]
            + [f"content/services/{i}.md" for i in site.services()]
            + [f"content/status/incidents/{i}.md" for i in site.incidents()])


def _translations(site):
    out = []
    for rel in _translatable(site):
        for code in _languages(site):
            t = rel[:-3] + f".{code}.md"
            if site.exists(t):
                out.append(t)
    return out


def translation_added(site, rng, n):
    """A translation of a content file into one of the site's other languages (text only)."""
    codes = _languages(site)
    if not codes:
        return None
    rel = rng.choice(_translatable(site))
    code = rng.choice(codes)
    lines, body = split_fm(site.read(rel))
    title = scalar(lines, "title")
    fm = [f"title: {q(f'[{code}] {title} ({n})')}"]
    if rel.startswith("content/plans/") or rel.startswith("content/services/"):
        summary = scalar(lines, "summary")
        if summary is not None and rng.random() < 0.5:
            fm.append(f"summary: {q(f'[{code}] {summary}')}")
    text = f"[{code}] {body}" if rng.random() < 0.7 else ""
    site.write(rel[:-3] + f".{code}.md", join_fm(fm, text), rng)
    return f"{rel}: {code} translation ({len(fm)} keys, body {'yes' if text else 'no'})"


def translation_text(site, rng, n):
    """An edit of an existing translation's title or body."""
    existing = _translations(site)
    if not existing:
        return None
    rel = rng.choice(existing)
    lines, body = split_fm(site.read(rel))
    if rng.random() < 0.5 and scalar(lines, "title") is not None:
        old = scalar(lines, "title")
        title = re.sub(r" \(rev \d+\)$", "", old) + f" (rev {n})"
        lines = set_block(lines, "title", [f"title: {q(title)}"])
        what = f"title -> {title!r}"
    else:
        body, what = _edit_body(body, rng, n)
    site.write(rel, join_fm(lines, body), rng)
    return f"{rel}: {what}"


def translation_removed(site, rng, n):
    existing = _translations(site)
    if not existing:
        return None
    rel = rng.choice(existing)
    site.remove(rel)
    return f"{rel} removed"


I18N_STRINGS = ["nav_overview", "view_full_details", "status_title", "history_uptime", "feed_missed_no_credit"]


def i18n_edit(site, rng, n):
    """i18n/<code>.yaml: one language's own wording of a string, added, changed or removed."""
    codes = _languages(site)
    if not codes:
        return None
    code = rng.choice(codes)
    rel = f"i18n/{code}.yaml"
    if site.exists(rel) and rng.random() < 0.25:
        site.remove(rel)
        return f"{rel} removed"
    ident = rng.choice(I18N_STRINGS)
    site.write(rel, f"{ident}: {q(f'[{code}] {ident} {n}')}\n", rng)
    return f"{rel}: {ident}"


THEME_FILES = ["layout.mustache", "home.mustache", "plan.mustache", "details.mustache", "terms.mustache",
               "status.mustache", "incident.mustache", "404.mustache", "partials/bullets.mustache",
               "partials/incident.mustache", "assets/style.css"]


def _theme_change(rel, text, n):
    """A visible change to a default-theme file, replacing an earlier one."""
    text = re.sub(r"<p class=\"theme-note\">Theme note \d+</p>\n|<!-- rev \d+ -->| data-note=\"\d+\"|"
                  r"\n\.theme-note-\d+ \{[^}]*\}\n", "", text)
    if rel.endswith(".css"):
        return text + f"\n.theme-note-{n} {{ color: #{n % 4096:03x}; }}\n"
    if "</h1>" in text:
        return text.replace("</h1>", f"</h1>\n<p class=\"theme-note\">Theme note {n}</p>", 1)
    if "<footer" in text:
        return text.replace("</footer>", f"<p class=\"theme-note\">Theme note {n}</p>\n</footer>", 1)
    if "<ul class=\"bullets\"" in text:
        return text.replace("<ul class=\"bullets\"", f"<ul class=\"bullets\" data-note=\"{n}\"", 1)
    return text.replace("<li class=\"incident", f"<li data-note=\"{n}\" class=\"incident", 1)


def _overrides(site):
    base = f"themes/{site.theme()}"
    return base, [f for f in THEME_FILES if site.exists(f"{base}/{f}")]


def theme_added(site, rng, n):
    base, present = _overrides(site)
    missing = [f for f in THEME_FILES if f not in present]
    if not missing:
        return None
    f = rng.choice(missing)
    text = open(os.path.join(ROOT, "themes", "default", f), encoding="utf-8").read()
    site.write(f"{base}/{f}", _theme_change(f, text, n), rng)
    return f"{base}/{f} added"


def theme_changed(site, rng, n):
    base, present = _overrides(site)
    if not present:
        return None
    f = rng.choice(present)
    site.write(f"{base}/{f}", _theme_change(f, site.read(f"{base}/{f}"), n), rng)
    return f"{base}/{f} changed"


def stylesheet_changed(site, rng, n):
    """Only the theme's stylesheet: the server sends `styles`, and pages must name the new file."""
    base = f"themes/{site.theme()}"
    rel = f"{base}/assets/style.css"
    text = site.read(rel) if site.exists(rel) else open(
        os.path.join(ROOT, "themes", "default", "assets", "style.css"), encoding="utf-8").read()
    site.write(rel, _theme_change("assets/style.css", text, n), rng)
    return f"{rel} changed (stylesheet only)"


def theme_removed(site, rng, n):
    base, present = _overrides(site)
    if not present:
        return None
    f = rng.choice(present)
    site.remove(f"{base}/{f}")
    return f"{base}/{f} removed"


def markdown_unsafe(site, rng, n):
    lines = site.read("site.yaml").splitlines()
    r = block(lines, "markdown")
    cur = scalar(lines, "unsafe", 2, r[0] + 1, r[1]) if r else "false"
    new = "false" if cur == "true" else "true"
    lines = set_block(lines, "markdown", ["markdown:", f"  unsafe: {new}"])
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return f"markdown.unsafe {cur} -> {new}"


def base_url(site, rng, n):
    lines = site.read("site.yaml").splitlines()
    cur = scalar(lines, "base_url")
    path = urllib.parse.urlsplit(cur).path or "/"
    host = rng.choice(["https://sla.example.com", "https://status.example.org", "http://localhost:8080"])
    # Mostly the same base path (the preview keeps serving under it); sometimes a new one.
    if rng.random() < 0.25:
        path = rng.choice([p for p in ["/", "/sla/", "/legal/sla/"] if p != path])
    new = host + path
    if new == cur:
        new = "https://sla-" + str(n) + ".example.com" + path
    lines = set_block(lines, "base_url", [f"base_url: {q(new)}"])
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return f"base_url {cur} -> {new}"


CONTACTS = [
    ["role: \"Service credit claims\"", "name: \"Billing Operations\"", "email: \"claims@example.com\""],
    ["role: \"Technical support\"", "name: \"Support & Care\"", "url: \"https://support.example.com/\""],
    ["role: \"Escalation\"", "name: \"Duty manager <24x7>\"", "email: \"escalations@example.com\""],
    ["role: \"Status\"", "name: \"Status page\"", "url: \"https://status.example.com/\""],
]


def contacts(site, rng, n):
    lines = site.read("site.yaml").splitlines()
    chosen = rng.sample(CONTACTS, rng.randrange(0, 4))
    new = (["contact:"] + [x for c in chosen for x in ["  - " + c[0]] + ["    " + y for y in c[1:]]]) if chosen else None
    lines = set_block(lines, "contact", new, before="impact_weights")
    site.write("site.yaml", "\n".join(lines) + "\n", rng)
    return "contact: " + ("; ".join(c[1].split(": ", 1)[1] for c in chosen) if chosen else "removed")


def _plan_rel(site, rng):
    plan = rng.choice(site.plans())
    return plan, f"content/plans/{plan}.md"


def plan_order(site, rng, n):
    plan, rel = _plan_rel(site, rng)
    lines, body = split_fm(site.read(rel))
    new = None if rng.random() < 0.2 else [f"order: {rng.randrange(-3, 10)}"]
    lines = set_block(lines, "order", new, before="services")
    site.write(rel, join_fm(lines, body), rng)
    return f"{plan}: " + (new[0] if new else "order removed")


def plan_effective(site, rng, n):
    plan, rel = _plan_rel(site, rng)
    lines, body = split_fm(site.read(rel))
    cur = scalar(lines, "effective")
    # A change of terms may not take effect before the plan's own terms (an error): keep the
    # plan's date on or before the earliest `effective` its revisions write.
    written = re.findall(r"^\s+effective: (\d{4}-\d{2}-\d{2})", "\n".join(lines), re.M)
    earliest = min(written) if written else "9999-12-31"
    choices = [d for d in ["2025-12-01", "2026-01-01", "2026-03-15", "2026-06-01", "2026-09-01", None]
               if d != cur and (d is None or d <= earliest)]
    if not choices:
        return None
    d = rng.choice(choices)
    lines = set_block(lines, "effective", [f"effective: {d}"] if d else None, before="services")
    site.write(rel, join_fm(lines, body), rng)
    return f"{plan}: effective {cur} -> {d}"


def _revision_items(lines, r):
    """[(i, j)] of each `  - ` entry of the revisions block r."""
    items, i = [], None
    for k in range(r[0] + 1, r[1]):
        if re.match(r"^\s*- ", lines[k]) and _indent(lines[k]) <= 2:
            if i is not None:
                items.append((i, k))
            i = k
    if i is not None:
        items.append((i, r[1]))
    return items


def plan_revision_added(site, rng, n):
    plan, rel = _plan_rel(site, rng)
    lines, body = split_fm(site.read(rel))
    date = (NOW_DT - timedelta(days=rng.randrange(0, 360))).strftime("%Y-%m-%d")
    note = rng.choice(["Clarified the claims process.", "Support hours extended & phone line added.",
                       "Typo fixed in the exclusions <no change to service levels>."]) + f" (rev {n})"
    entry = [f"  - date: {date}", f"    note: {q(note)}"] if rng.random() < 0.5 else \
        [f"  - {{date: {date}, note: {q(note)}}}"]
    r = block(lines, "revisions")
    if r and lines[r[0]].split(":", 1)[1].strip() not in ("", "[]"):
        return None  # a flow list: not edited here
    if r:
        items = _revision_items(lines, r)
        at = rng.choice([it[0] for it in items] + [r[1]])
        lines[at:at] = entry
        lines[r[0]] = "revisions:"
    else:
        lines = set_block(lines, "revisions", ["revisions:"] + entry, before="services")
    site.write(rel, join_fm(lines, body), rng)
    return f"{plan}: revision {date} added"


def plan_revision_terms(site, rng, n):
    """A revision that changes terms (issue 14): a new objective, tiers or cap from some day,
    maybe mid-month or upcoming, maybe for one service, maybe dropping or adding one."""
    plan, rel = _plan_rel(site, rng)
    lines, body = split_fm(site.read(rel))
    r = block(lines, "revisions")
    if r and lines[r[0]].split(":", 1)[1].strip() not in ("", "[]"):
        return None  # a flow list: not edited here
    date = (NOW_DT - timedelta(days=rng.randrange(0, 300))).strftime("%Y-%m-%d")
    effective = (NOW_DT + timedelta(days=rng.randrange(-280, 60))).strftime("%Y-%m-%d")
    own = scalar(lines, "effective")
    if own and effective < own.strip('"'):
        effective = own.strip('"')  # never before the plan's own terms (an error)
    entry = [f"  - date: {date}", f"    effective: {effective}", f"    note: {q('Terms changed (rev ' + str(n) + ')')}"]
    kind = rng.random()
    if kind < 0.35:
        entry.append(f"    uptime: {rng.choice(['99', '99.5', '99.9', '99.95', '99.99'])}")
    elif kind < 0.55:
        entry += ["    credits:", f"      - {{below: 99.9, credit: {rng.choice([5, 10, 15])}}}",
                  f"      - {{below: 99.0, credit: {rng.choice([20, 25, 30])}}}"]
    elif kind < 0.7:
        entry.append(f"    credit_cap: {rng.choice([20, 50, 100])}")
    else:
        services = _plan_services(lines)
        if not services:
            return None
        svc = rng.choice(services)
        if rng.random() < 0.25 and len(services) > 1:
            entry += ["    services:", f"      {svc}: null"]
        else:
            entry += ["    services:", f"      {svc}: {{uptime: {rng.choice(['99.5', '99.9', '99.95'])}}}"]
    if r:
        items = _revision_items(lines, r)
        at = rng.choice([it[0] for it in items] + [r[1]])
        lines[at:at] = entry
        lines[r[0]] = "revisions:"
    else:
        lines = set_block(lines, "revisions", ["revisions:"] + entry, before="services")
    site.write(rel, join_fm(lines, body), rng)
    return f"{plan}: revision {date} effective {effective}: " + " ".join(x.strip() for x in entry[3:])


def _plan_services(lines):
    """The service ids of a plan's `services` map (block form)."""
    b = block(lines, "services")
    if not b:
        return []
    return keys_at(lines, 2, b[0] + 1, b[1])


def plan_revision_removed(site, rng, n):
    candidates = []
    for plan in site.plans():
        lines, _ = split_fm(site.read(f"content/plans/{plan}.md"))
        r = block(lines, "revisions")
        if r and _revision_items(lines, r):
            candidates.append(plan)
    if not candidates:
        return None
    plan = rng.choice(candidates)
    rel = f"content/plans/{plan}.md"
    lines, body = split_fm(site.read(rel))
    r = block(lines, "revisions")
    items = _revision_items(lines, r)
    k = rng.randrange(len(items))
    i, j = items[k]
    removed = lines[i].strip()
    del lines[i:j]
    if len(items) == 1:
        lines = set_block(lines, "revisions", None)
    site.write(rel, join_fm(lines, body), rng)
    # As an author would: the translations' notes of that revision go too (the n-th entry of a
    # translation's revisions translates the n-th revision; one with more entries is an error).
    for t in site.translations_of(rel):
        t_lines, t_body = split_fm(site.read(t))
        t_r = block(t_lines, "revisions")
        t_items = _revision_items(t_lines, t_r) if t_r else []
        if k < len(t_items):
            a, b = t_items[k]
            del t_lines[a:b]
            if len(t_items) == 1:
                t_lines = set_block(t_lines, "revisions", None)
            site.write(t, join_fm(t_lines, t_body), rng)
    return f"{plan}: revision {removed!r} removed"


def incident_plans(site, rng, n):
    slug = _pick_incident(site, rng)
    if slug is None:
        return None
    lines, body = _incident(site, slug)
    services = set(re.findall(r"[a-z0-9-]+", scalar(lines, "services").strip("[]")))
    covering = [p for p in site.plans() if services & set(site.plan_services(p))]
    if block(lines, "plans") and rng.random() < 0.4 or not covering:
        new = None
    else:
        new = [f"plans: [{', '.join(sorted(rng.sample(covering, rng.randrange(1, len(covering) + 1))))}]"]
    if not new and not block(lines, "plans"):
        return None
    lines = set_block(lines, "plans", new, before="start")
    site.write(f"content/status/incidents/{slug}.md", join_fm(lines, body), rng)
    return f"{slug}: " + (new[0] if new else "plans removed")


def _referenced_plans(site):
    out = set()
    for slug in site.incidents():
        lines, _ = _incident(site, slug)
        raw = scalar(lines, "plans")
        if raw:
            out |= set(re.findall(r"[a-z0-9-]+", raw.strip("[]")))
    return out


def plan_added(site, rng, n):
    plan, rel = _plan_rel(site, rng)
    new = f"{plan}-copy-{n}"
    lines, body = split_fm(site.read(rel))
    title = f"{scalar(lines, 'title')} (copy {n})"
    lines = set_block(lines, "title", [f"title: {q(title)}"])
    site.write(f"content/plans/{new}.md", join_fm(lines, body), rng)
    return f"plans/{new} added (a copy of {plan})"


def plan_removed(site, rng, n):
    plans = site.plans()
    used = _referenced_plans(site)
    free = [p for p in plans if p not in used]
    if len(plans) < 3 or not free:
        return None
    # Mostly the copies this script added; sometimes one of the site's own plans.
    copies = [p for p in free if "-copy-" in p]
    plan = rng.choice(copies if copies and rng.random() < 0.8 else free)
    site.remove(f"content/plans/{plan}.md")
    return f"plans/{plan} removed"


BURSTABLE = ["incident_body", "incident_title", "incident_retimed", "plan_uptime", "plan_credits",
             "measurement_added", "measurement_changed", "terms_body", "title", "service_defaults",
             "incident_added", "incident_removed", "theme_added", "theme_changed", "impact_weights",
             "samples_rows", "level_downtime"]


def burst(site, rng, n):
    """Several edits saved within a few milliseconds (a "save all" or a git checkout)."""
    done = []
    for kind in rng.sample(BURSTABLE, rng.randrange(2, 5)):
        desc = EDITS[kind](site, rng, n)
        if desc:
            done.append(f"{kind}: {desc}")
        time.sleep(rng.choice([0, 0.001, 0.01, 0.03]))
    return " | ".join(done) or None


def undo(site, rng, n):
    """An editor's undo: one of the last few edited files back as it was (deleted if it did
    not exist), so a file's bytes repeat an earlier state."""
    def orphan(rel):
        # A translation restored after its file was removed would translate nothing (an error).
        name = os.path.basename(rel)
        return name.count(".") == 2 and name.endswith(".md") and not site.exists(
            os.path.join(os.path.dirname(rel), name.split(".")[0] + ".md"))

    recent = [h for h in site.history[-6:]
              if not orphan(h[0]) and (h[1] is not None or (site.exists(h[0]) and not (
                  h[0].startswith("content/status/incidents/") and len(site.incidents()) < 3)))]
    if not recent:
        return None
    rel, text = rng.choice(recent)
    if text is None:
        site.remove(rel)
        return f"{rel} removed again"
    site.write(rel, text, rng)
    return f"{rel} restored"


# Request samples (issue 15): content/status/samples/<service>.csv and the downtime term.

SAMPLES = "content/status/samples"


def _samples_files(site):
    d = site.p(SAMPLES)
    return sorted(n[:-4] for n in os.listdir(d) if n.endswith(".csv") and not n.startswith(".")) if os.path.isdir(d) else []


def _sample_rows(rng, k):
    """k rows at distinct whole minutes (sometimes with seconds) from 2025-10 to just after *now*."""
    first = datetime(2025, 10, 1, tzinfo=timezone.utc)
    span = int((NOW_DT - first).total_seconds() // 60) + 90
    minutes = rng.sample(range(span), k)
    rows = []
    for m in minutes:
        t = first + timedelta(minutes=m, seconds=rng.choice([0, 0, 0, 30]))
        total = rng.choice([0, 1, 5, 50, 100, 120, 1000])
        errors = min(total, rng.choice([0, 0, 1, 3, 6, 11, total]))
        style = rng.random()
        stamp = t.strftime("%Y-%m-%dT%H:%M:%SZ") if style < 0.8 else (t + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S+02:00")
        rows.append((t, f"{stamp},{total},{errors}"))
    return rows


def _read_samples(site, service):
    lines = site.read(f"{SAMPLES}/{service}.csv").splitlines()
    return lines[0], lines[1:]


def _row_time(row):
    return parse_time(row.split(",")[0].strip())[0]


def samples_file_added(site, rng, n):
    free = [s for s in site.services() if s not in _samples_files(site)]
    if not free:
        return None
    service = rng.choice(free)
    rows = [r for _, r in _sample_rows(rng, rng.randrange(0, 30))]
    site.write(f"{SAMPLES}/{service}.csv", "start,total,errors\n" + "".join(r + "\n" for r in rows), rng)
    return f"samples of {service} added ({len(rows)} rows)"


def samples_file_removed(site, rng, n):
    files = _samples_files(site)
    if not files:
        return None
    service = rng.choice(files)
    site.remove(f"{SAMPLES}/{service}.csv")
    return f"samples of {service} removed"


def samples_rows(site, rng, n):
    """Rows added, changed or removed in one samples file (in any order)."""
    files = _samples_files(site)
    if not files:
        return None
    service = rng.choice(files)
    header, rows = _read_samples(site, service)
    what = rng.choice(["add", "change", "remove"])
    data = [i for i, r in enumerate(rows) if r.strip() and not r.startswith("#")]
    if what == "add" or not data:
        taken = {_row_time(rows[i]) for i in data}
        new = [r for t, r in _sample_rows(rng, rng.randrange(1, 12)) if t not in taken]
        for r in new:
            rows.insert(rng.randrange(0, len(rows) + 1), r)
        desc = f"{len(new)} rows added"
    elif what == "change":
        i = rng.choice(data)
        stamp = rows[i].split(",")[0]
        total = rng.choice([10, 100, 1000])
        rows[i] = f"{stamp},{total},{rng.choice([0, 1, total // 10, total])}"
        desc = f"row {rows[i]}"
    else:
        for i in sorted(rng.sample(data, rng.randrange(1, min(5, len(data)) + 1)), reverse=True):
            rows.pop(i)
        desc = "rows removed"
    site.write(f"{SAMPLES}/{service}.csv", header + "\n" + "".join(r + "\n" for r in rows), rng)
    return f"samples of {service}: {desc}"


def level_downtime(site, rng, n):
    """A level's downtime term set (samples by one of the providers' rules, or incidents) or dropped."""
    rule = rng.choice([
        "downtime: {source: samples, error_rate_above: 5}",
        "downtime: {source: samples, error_rate_above: 10, min_requests: 100, min_consecutive: 5}",
        "downtime: {source: samples, method: error_rate, interval: 5}",
        "downtime: {source: samples, interval: 15, min_consecutive: 2}",
        "downtime: {source: samples_and_incidents, error_rate_above: 5}",
        "downtime: {source: samples_and_incidents, interval: 5, error_rate_above: 10, min_consecutive: 2}",
        "downtime: {source: incidents}",
    ])
    return _plan_term(site, rng, "downtime", _set_or_drop(rng, rule))


def _parts(site, svc):
    lines, _ = split_fm(site.read(f"content/services/{svc}.md"))
    raw = scalar(lines, "parts")
    return [x.strip() for x in raw.strip("[]").split(",") if x.strip()] if raw else []


def service_parts(site, rng, n):
    """A service made composite of others (issue 22: `parts`, `combine`), re-combined, or made
    plain again. Parts are services that are not composite themselves, so no cycle can arise."""
    services = site.services()
    svc = rng.choice(services)
    rel = f"content/services/{svc}.md"
    lines, body = split_fm(site.read(rel))
    plain = [x for x in services if x != svc and not _parts(site, x)]
    if (block(lines, "parts") and rng.random() < 0.4) or not plain:
        lines = set_block(set_block(lines, "parts", None), "combine", None)
        desc = "plain again"
    else:
        parts = sorted(rng.sample(plain, rng.randrange(1, min(3, len(plain)) + 1)))
        lines = set_block(lines, "parts", [f"parts: [{', '.join(parts)}]"])
        combine = rng.choice([None, "any", "worst"])
        lines = set_block(lines, "combine", [f"combine: {combine}"] if combine else None)
        desc = f"parts {parts}" + (f", combine {combine}" if combine else "")
    site.write(rel, join_fm(lines, body), rng)
    return f"{svc}: {desc}"


def touch(site, rng, n):
    """Saved without a change: only the mtime moves."""
    rels = ["site.yaml", "content/terms.md"] + [f"content/plans/{p}.md" for p in site.plans()] + \
        [f"content/status/incidents/{i}.md" for i in site.incidents()]
    rel = rng.choice(rels)
    site.write(rel, site.read(rel), rng)
    return f"{rel} saved unchanged"


EDITS = {
    "incident_added": incident_added,
    "incident_removed": incident_removed,
    "incident_renamed": incident_renamed,
    "incident_retimed": incident_retimed,
    "incident_reimpacted": incident_reimpacted,
    "incident_updates": incident_updates,
    "incident_body": incident_body,
    "incident_title": incident_title,
    "plan_uptime": plan_uptime,
    "plan_credits": plan_credits,
    "plan_credit_cap": plan_credit_cap,
    "impact_weights": impact_weights,
    "incident_weight": incident_weight,
    "level_impact_weights": level_impact_weights,
    "claim_window": claim_window,
    "status_since": status_since,
    "timezone": timezone_changed,
    "measurement_added": measurement_added,
    "measurement_changed": measurement_changed,
    "measurement_removed": measurement_removed,
    "service_defaults": service_defaults,
    "title": title_changed,
    "terms_body": terms_body,
    "plan_body": _body_of("plans"),
    "service_body": _body_of("services"),
    "plan_support": plan_support,
    "plan_termination": plan_termination,
    "plan_period": plan_period,
    "plan_period_start": plan_period_start,
    "service_exclusions": service_exclusions,
    "site_text": site_text,
    "theme_added": theme_added,
    "theme_changed": theme_changed,
    "theme_removed": theme_removed,
    "stylesheet_changed": stylesheet_changed,
    "markdown_unsafe": markdown_unsafe,
    "base_url": base_url,
    "contacts": contacts,
    "plan_order": plan_order,
    "plan_effective": plan_effective,
    "plan_revision_added": plan_revision_added,
    "plan_revision_removed": plan_revision_removed,
    "plan_revision_terms": plan_revision_terms,
    "incident_plans": incident_plans,
    "plan_added": plan_added,
    "plan_removed": plan_removed,
    "samples_file_added": samples_file_added,
    "samples_file_removed": samples_file_removed,
    "samples_rows": samples_rows,
    "level_downtime": level_downtime,
    "service_parts": service_parts,
    "translation_added": translation_added,
    "translation_text": translation_text,
    "translation_removed": translation_removed,
    "i18n": i18n_edit,
    "burst": burst,
    "undo": undo,
    "touch": touch,
}
# Edits that may take more than one rebuild: after the first reload, wait for quiet.
SETTLE = {"burst"}


# --------------------------------------------------------------------------------------------
# The server


class Server:
    """`slasite serve` on a free port; counts reload events (SSE) and rebuild log lines."""

    def __init__(self, binary, source):
        self.proc = spawn(
            subprocess.Popen, [binary, "serve", "--source", source, "--port", "0", "--now", NOW],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.proc.stdout.readline().decode()
        if not line.startswith("serving http://127.0.0.1:"):
            self.proc.kill()
            raise RuntimeError("serve did not start: " + line + self.proc.stderr.read().decode())
        self.url = line.split()[1]
        self.port = int(self.url.split(":")[2].split("/")[0])
        self.base = "/" + self.url.split("/", 3)[3]
        self.cond = threading.Condition()
        self.events = 0
        self.log = []  # stderr lines
        self.outcomes = []  # ("ok" | "failed", text) per build the server reported
        self.conn = None
        threading.Thread(target=self._read_stderr, daemon=True).start()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self._open_events()
        self.wait(lambda: self.outcomes, 10)

    def _read_stdout(self):
        for _ in self.proc.stdout:
            pass

    def _read_stderr(self):
        current = None
        for raw in self.proc.stderr:
            line = raw.decode(errors="replace").rstrip("\n")
            with self.cond:
                self.log.append(line)
                if "] rebuilt " in line:
                    current = None
                    self.outcomes.append(["ok", line])
                elif "build failed" in line:
                    current = ["failed", line]
                    self.outcomes.append(current)
                elif current is not None:
                    current[1] += "\n" + line
                self.cond.notify_all()

    def _open_events(self):
        import socket
        self.sse = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        self.sse.sendall(b"GET /__slasite/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        connected = threading.Event()

        def read():
            buf = b""
            self.sse.settimeout(None)
            while True:
                try:
                    chunk = self.sse.recv(4096)
                except OSError:
                    return
                if not chunk:
                    return
                buf += chunk
                if b": connected" in buf:
                    connected.set()
                while b"\n\n" in buf:
                    msg, buf = buf.split(b"\n\n", 1)
                    # `styles` follows a stylesheet-only edit (the page swaps its stylesheet).
                    if b"event: reload" in msg or b"event: styles" in msg:
                        with self.cond:
                            self.events += 1
                            self.cond.notify_all()

        threading.Thread(target=read, daemon=True).start()
        if not connected.wait(10):
            raise RuntimeError("the event stream did not open")

    def wait(self, predicate, timeout):
        with self.cond:
            return self.cond.wait_for(predicate, timeout)

    def get(self, path):
        for attempt in (0, 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (OSError, http.client.HTTPException):
                self.conn = None
                if attempt:
                    raise

    def stop(self):
        try:
            self.sse.close()
        except OSError:
            pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --------------------------------------------------------------------------------------------
# The comparison


@dataclass
class Mismatch:
    seed: int
    step: int
    kind: str
    edit: str
    path: str
    problem: str
    diff: str = ""

    def __str__(self):
        head = f"MISMATCH seed {self.seed} step {self.step} [{self.kind}] {self.edit}\n  {self.path}: {self.problem}"
        return head + ("\n" + "\n".join("    " + x for x in self.diff.splitlines()) if self.diff else "")


@dataclass
class Result:
    seed: int
    mismatches: list = field(default_factory=list)
    authoring: list = field(default_factory=list)  # edits that did not build: bugs of this script
    kinds: dict = field(default_factory=dict)  # kind -> count applied
    seconds: float = 0.0


def short_diff(expected, served, path, lines=20):
    a = expected.decode("utf-8", "replace").splitlines()
    b = served.decode("utf-8", "replace").splitlines()
    out = []
    for line in difflib.unified_diff(a, b, f"build/{path}", f"serve/{path}", n=1, lineterm=""):
        out.append(line if len(line) <= 200 else line[:200] + " …")
        if len(out) >= lines:
            out.append("…")
            break
    return "\n".join(out)


def url_of(base, rel):
    if rel == "index.html":
        return base
    if rel.endswith("/index.html"):
        return base + rel[: -len("index.html")]
    return base + rel


def build_files(binary, source, out):
    proc = spawn(subprocess.run, [binary, "build", "--source", source, "--output", out, "--now", NOW, "-q"],
                 capture_output=True, text=True)
    if proc.returncode != 0:
        return None, proc.stderr + proc.stdout
    files = {}
    for d, _, names in os.walk(out):
        for name in names:
            if d == out and name == ".slasite-output":
                continue  # the folder writer's stamp (docs/cli.md), not a file the site serves
            full = os.path.join(d, name)
            with open(full, "rb") as f:
                files[os.path.relpath(full, out).replace(os.sep, "/")] = f.read()
    return files, ""


def site_base(root):
    """The path the preview serves the site under: base_url's path, as in SiteURLs."""
    path = urllib.parse.urlsplit(scalar(open(os.path.join(root, "site.yaml"), encoding="utf-8").read().splitlines(),
                                        "base_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def compare(server, files, base, known=()):
    """[(path, problem, diff)] for every file of the full build served differently, and for every
    URL in `known` (served by an earlier build) that this build no longer has and is not 404."""
    problems = []
    urls = set()
    for rel in sorted(files):
        url = url_of(base, rel)
        urls.add(url)
        status, body = server.get(url)
        if status != 200:
            problems.append((rel, f"GET {url}: status {status}, expected 200", ""))
            continue
        if rel.endswith(".html"):
            found = RELOAD_SCRIPT.findall(body)
            if len(found) != 1:
                problems.append((rel, f"{len(found)} reload scripts in the served page, expected 1", ""))
                continue
            body = RELOAD_SCRIPT.sub(b"", body, count=1)
        if body != files[rel]:
            problems.append((rel, "served bytes differ from the full build", short_diff(files[rel], body, rel)))
    for url in sorted(set(known) - urls):
        status, body = server.get(url)
        if status != 404:
            problems.append((url, f"GET {url}: status {status}, expected 404 (an earlier build wrote it, "
                             "this one does not)", body[:300].decode("utf-8", "replace")
                             if not url.endswith((".html", "/")) else ""))
    return problems, urls


def copy_site(src, dst):
    os.makedirs(dst)
    shutil.copy2(os.path.join(src, "site.yaml"), dst)
    shutil.copytree(os.path.join(src, "content"), os.path.join(dst, "content"))
    if os.path.isdir(os.path.join(src, "i18n")):
        shutil.copytree(os.path.join(src, "i18n"), os.path.join(dst, "i18n"))
    # The repository root's themes/default/ is the built-in theme's source, not a site override.
    if os.path.abspath(src) != ROOT and os.path.isdir(os.path.join(src, "themes")):
        shutil.copytree(os.path.join(src, "themes"), os.path.join(dst, "themes"))


def schedule(rng, count):
    """Every kind once per round, in random order, so short runs cover every kind."""
    kinds = []
    while len(kinds) < count:
        round_ = list(EDITS)
        rng.shuffle(round_)
        kinds += round_
    return kinds[:count]


def run(seed, edits, binary=None, site=ROOT, workdir=None, log=print):
    log = log or (lambda *_: None)
    binary = ensure_binary(binary)
    t0 = time.monotonic()
    owned = workdir is None
    workdir = workdir or tempfile.mkdtemp(prefix="slasite-diff-")
    src = os.path.join(str(workdir), f"site-{seed}")
    copy_site(site, src)
    s = Site(src)
    rng = random.Random(seed)
    result = Result(seed)
    known = set()
    server = Server(binary, src)
    try:
        def check(step, kind, edit):
            out = os.path.join(str(workdir), f"out-{seed}-{step}")
            files, err = build_files(binary, src, out)
            if files is None:
                return None, err
            problems, urls = compare(server, files, site_base(src), known)
            known.update(urls)
            shutil.rmtree(out, ignore_errors=True)
            return [Mismatch(seed, step, kind, edit, *p) for p in problems], ""

        found, err = check(0, "initial", "none")
        if found is None:
            raise RuntimeError(f"the site does not build before any edit:\n{err}")
        for m in found:
            log(str(m))
        result.mismatches += found
        queue = schedule(rng, edits)
        for step in range(1, edits + 1):
            events, outcomes = server.events, len(server.outcomes)
            kind, desc, tried = None, None, 0
            while desc is None:
                # A kind that does not apply yet (nothing to remove, say) waits for a later step.
                kind = queue.pop(0) if queue else rng.choice(list(EDITS))
                desc = EDITS[kind](s, rng, step)
                if desc is None and tried < len(EDITS):
                    queue.insert(min(len(queue), 3), kind)
                tried += 1
            result.kinds[kind] = result.kinds.get(kind, 0) + 1
            t_edit = time.monotonic()
            if not server.wait(lambda: server.events > events, EVENT_TIMEOUT):
                m = Mismatch(seed, step, kind, desc, "/__slasite/events",
                             f"no reload event within {EVENT_TIMEOUT:.0f} s of the edit")
                result.mismatches.append(m)
                log(str(m))
            if kind in SETTLE:
                seen = events
                while server.events != seen:
                    seen = server.events
                    server.wait(lambda: server.events != seen, 0.6)
            server.wait(lambda: len(server.outcomes) >= outcomes + server.events - events, 3)
            latency = time.monotonic() - t_edit
            failed = [o[1] for o in server.outcomes[outcomes:] if o[0] == "failed"]
            found, err = check(step, kind, desc)
            if found is None:
                result.authoring.append(f"seed {seed} step {step} [{kind}] {desc}: the edit does not build:\n{err}")
                log(f"AUTHORING BUG seed {seed} step {step} [{kind}] {desc}\n{err}")
                break
            if failed:
                found.insert(0, Mismatch(seed, step, kind, desc, "(server)",
                                         "the server's rebuild failed but the full build succeeds", failed[0][:1500]))
            log(f"seed {seed} step {step:3d} [{kind}] {desc} — reload {latency:.2f}s, "
                + ("ok" if not found else f"{len(found)} MISMATCH(ES)"))
            for m in found:
                log(str(m))
            result.mismatches += found
            if found:
                # Start again from a consistent state, so later edits are judged on their own.
                server.stop()
                server = Server(binary, src)
                again, _ = check(step, "restart", f"fresh server after step {step}")
                for m in again:
                    log(str(m))
                result.mismatches += again
    finally:
        server.stop()
        if owned:
            shutil.rmtree(workdir, ignore_errors=True)
    result.seconds = time.monotonic() - t0
    return result


def pattern(path):
    return re.sub(r"^incidents/[^/]+/", "incidents/<slug>/", path)


def summary(results):
    """Distinct failures: per edit kind, the paths (incident slugs folded) and one diff excerpt."""
    groups = {}
    for r in results:
        for m in r.mismatches:
            g = groups.setdefault(m.kind, {})
            e = g.setdefault(pattern(m.path), [0, m])
            e[0] += 1
    lines = []
    for kind in sorted(groups):
        lines.append(f"[{kind}]")
        for path, (count, m) in sorted(groups[kind].items()):
            lines.append(f"  {path} ×{count}: {m.problem} (first: seed {m.seed} step {m.step}: {m.edit})")
    for r in results:
        lines += r.authoring
    return "\n".join(lines)


def report(results, diffs_per_kind=2):
    """The summary, then up to `diffs_per_kind` full mismatches (with diffs) per edit kind."""
    out = [summary(results)]
    shown = {}
    for r in results:
        for m in r.mismatches:
            if shown.get(m.kind, 0) < diffs_per_kind and m.diff:
                shown[m.kind] = shown.get(m.kind, 0) + 1
                out.append(str(m))
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--seeds", type=int, default=1, help="how many seeds from --seed on (default 1)")
    ap.add_argument("--edits", type=int, default=40, help="edits per seed (default 40)")
    ap.add_argument("--bin", default=None, help="slasite binary (default $SLASITE_BIN or .build/debug/slasite)")
    ap.add_argument("--site", default=ROOT, help="site to copy: site.yaml and content/ (default the example site)")
    ap.add_argument("--quiet", action="store_true", help="print only mismatches and the summary")
    args = ap.parse_args(argv)
    binary = ensure_binary(args.bin)
    results = []
    for seed in range(args.seed, args.seed + args.seeds):
        r = run(seed, args.edits, binary, os.path.abspath(args.site),
                log=(lambda x: print(x, flush=True) if x.startswith(("MISMATCH", "AUTHORING")) else None)
                if args.quiet else (lambda x: print(x, flush=True)))
        print(f"seed {seed}: {args.edits} edits, {len(r.mismatches)} mismatches, {r.seconds:.1f} s", flush=True)
        results.append(r)
    bad = any(r.mismatches or r.authoring for r in results)
    if bad:
        print("\nDistinct failures:\n" + summary(results))
    else:
        print("no mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
