#!/usr/bin/env python3
"""Add dense request samples to a generated site, for benchmarks of Downtime from samples.

    gen-samples.py SITE [--services 20] [--days 365] [--end 2026-12-01] [--seed 1] [--rules mixed|same]

SITE is a slasite site whose services are named svc-000, svc-001, ... and whose plans list them
as `  svc-NNN: {}` (what ../shared/bench/gen_corpus.py writes: `gen_corpus.py OUT`, then
`gen-samples.py OUT/slasite`). For the first N services it writes
content/status/samples/svc-NNN.csv with one row per minute for DAYS days up to END (UTC):
525,600 rows a year, each `start,total,errors`, mostly without errors and with a burst of
errors now and then, and makes every plan measure those services by samples:

- `--rules mixed` (the default): even plans count bad minutes above 5 % (`bad_intervals`,
  Atlassian style), odd plans the mean error rate of five-minute intervals (`error_rate`,
  S3 style): two distinct computations per service;
- `--rules same`: every plan counts bad minutes above 5 %: one computation per service.

The rows are the same for the same arguments (a fixed pseudo-random sequence).
"""
import argparse
import datetime as dt
import os
import re


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site")
    ap.add_argument("--services", type=int, default=20)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--end", default="2026-12-01")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", choices=["mixed", "same"], default="mixed")
    a = ap.parse_args()

    end = dt.datetime.fromisoformat(a.end).replace(tzinfo=dt.timezone.utc)
    start = end - dt.timedelta(days=a.days)
    folder = os.path.join(a.site, "content", "status", "samples")
    os.makedirs(folder, exist_ok=True)
    times = [f"T{h:02d}:{m:02d}:00Z" for h in range(24) for m in range(60)]
    services = [f"svc-{i:03d}" for i in range(a.services)]
    rows = 0
    for n, service in enumerate(services):
        state = (a.seed * 1_000_003 + n * 7919) & 0xFFFFFFFF
        lines = ["start,total,errors\n"]
        burst = 0
        for d in range(a.days):
            day = (start + dt.timedelta(days=d)).strftime("%Y-%m-%d")
            for t in times:
                # A 32-bit linear congruential sequence: fast, and the same on every run.
                state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
                total = 800 + (state >> 22)
                if burst == 0 and (state & 0xFFFF) < 8:
                    burst = 3 + (state >> 28)  # a run of 3 to 18 bad minutes
                if burst:
                    errors = total // 4
                    burst -= 1
                else:
                    errors = (state >> 12) & 3
                lines.append(f"{day}{t},{total},{errors}\n")
        with open(os.path.join(folder, service + ".csv"), "w") as f:
            f.writelines(lines)
        rows += len(lines) - 1

    plans = os.path.join(a.site, "content", "plans")
    names = sorted(os.listdir(plans))
    rules = [
        "{downtime: {source: samples, error_rate_above: 5}}",
        "{downtime: {source: samples, method: error_rate, interval: 5}}",
    ]
    for k, name in enumerate(names):
        path = os.path.join(plans, name)
        with open(path) as f:
            text = f.read()
        rule = rules[k % 2] if a.rules == "mixed" else rules[0]
        for service in services:
            text = re.sub(rf"^  {service}: \{{\}}$", f"  {service}: {rule}", text, flags=re.M)
        with open(path, "w") as f:
            f.write(text)
    print(f"wrote {rows} rows for {len(services)} services; {len(names)} plans measure them by samples ({a.rules} rules)")


if __name__ == "__main__":
    main()
