"""Issue 22, parts 3 and 4: a new user publishes GitHub Enterprise Cloud's terms (docs/numbers.md,
Composite services) and checks one quarter by hand.

"Downtime: any Service Feature down, by an error rate above 5 % in a minute or by detected
unavailability; 99.9 % per calendar quarter; 10 % of the quarter's fee below 99.9, 25 % below
99.0; claims within 30 days." As terms: `github` with `parts: [git, api, actions]` (combine:
any), the plan measuring every part by `downtime: {source: samples_and_incidents,
error_rate_above: 5}` and judging github per quarter. Built with the real binary at
--now 2026-11-24T00:00:00Z (UTC).

Hand computation of 2026-Q3 (July–September: 92 days = 132,480 minutes):

  git, 5 July: 12 of 100 requests fail in each minute 10:00–10:09 (12 % > 5 %: 10 bad minutes);
      a partial incident (0.3) 10:05–10:20: 10:00–10:10 counts 1 (the partial under the bad
      minutes counts once, at 1), 10:10–10:20 0.3 → 10 + 3 = 13 minutes.
  api, 12 August: unavailable (major) 14:00–17:00 → 180 minutes; on 5 July 10:15–10:25 also
      unavailable (major) → 10 minutes, over git's partial 10:15–10:20 (counted once, at 1).
  actions, 1 September: 50 of 100 fail in 02:10–02:12, inside a maintenance window
      02:00–03:00 (excluded: those minutes have no error rate) → 0.
  github (any): 5 July 10:00–10:10 1 (10) + 10:10–10:15 0.3 (1.5) + 10:15–10:25 1 (10)
      + 12 August 180 = 201.5 minutes (the parts added: 13 + 190 = 203).
      uptime = 100 × (132,480 − 201.5) / 132,480 = 99.847901… → 99.848 < 99.9, not < 99.0:
      missed, 10 %; claim by 30 September + 30 days = 2026-10-30.
      budget = 0.001 × 132,480 = 132.48 → 132.5.
  Months inside, as information: July 21.5, August 180, September 0.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

from test_feeds import NOW, build, load_json, slasite, write_site  # noqa: F401 (fixture)


def service(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\nsummary: {title}.\nmeasurement: Probes and error rates.\n{extra}---\n{title}.\n"


def incident(title: str, services: str, impact: str, start: str, end: str) -> str:
    return f"---\ntitle: {title}\nservices: [{services}]\nimpact: {impact}\nstart: {start}\nend: {end}\n---\n{title}.\n"


FILES = {
    "site.yaml": 'title: "GitHub SLA"\nprovider: "GitHub"\nbase_url: "https://gh.example/"\ntimezone: "UTC"\n',
    "content/terms.md": "---\ntitle: Terms\n---\nTerms.\n",
    "content/services/git.md": service("Git"),
    "content/services/api.md": service("API"),
    "content/services/actions.md": service("Actions"),
    "content/services/github.md": service("GitHub", "parts: [git, api, actions]\n"),
    "content/plans/enterprise.md": """---
title: Enterprise Cloud
summary: GitHub Enterprise Cloud.
effective: 2026-07-01
downtime: {source: samples_and_incidents, error_rate_above: 5}
services:
  github:
    period: quarter
    uptime: 99.9
    credits: [{below: 99.9, credit: 10}, {below: 99.0, credit: 25}]
    claim_window_days: 30
  git: {}
---
Enterprise.
""",
    "content/status/incidents/git-degraded.md": incident("Git degraded", "git", "partial", "2026-07-05T10:05:00Z", "2026-07-05T10:20:00Z"),
    "content/status/incidents/api-blip.md": incident("API blip", "api", "major", "2026-07-05T10:15:00Z", "2026-07-05T10:25:00Z"),
    "content/status/incidents/api-down.md": incident("API down", "api", "major", "2026-08-12T14:00:00Z", "2026-08-12T17:00:00Z"),
    "content/status/incidents/actions-maintenance.md": incident(
        "Actions maintenance", "actions", "maintenance", "2026-09-01T02:00:00Z", "2026-09-01T03:00:00Z"),
    "content/status/samples/git.csv": "start,total,errors\n" + "".join(f"2026-07-05T10:0{m}:00Z,100,12\n" for m in range(10)),
    "content/status/samples/api.csv": "start,total,errors\n",
    "content/status/samples/actions.csv": "start,total,errors\n" + "".join(f"2026-09-01T02:1{m}:00Z,100,50\n" for m in range(3)),
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("github"), FILES)


@pytest.fixture(scope="module")
def public(slasite: Path, source: Path) -> Path:  # noqa: F811
    return build(slasite, source, source / "public")


def github(public: Path) -> dict:
    sla = load_json(public / "sla.json")
    return next(s for s in sla["plans"][0]["services"] if s["id"] == "github")


def test_the_quarter_is_the_hand_computed_one(public: Path):
    g = github(public)
    assert (g["parts"], g["combine"]) == (["git", "api", "actions"], "any")
    # Its Downtime is its parts', each by its own rule: sla.json names no rule of its own, in the
    # terms in force and in the plan's versions (docs/outputs.md).
    parts_rule = {"source": "parts", "interval": None, "method": None, "error_rate_above": None,
                  "min_requests": None, "min_consecutive": None}
    assert g["downtime"] == parts_rule
    versions = load_json(public / "sla.json")["plans"][0]["versions"]
    listed = [s for v in versions for s in v["services"] if s["id"] == "github"]
    assert listed and all(s["downtime"] == parts_rule for s in listed)
    git = next(s for s in load_json(public / "sla.json")["plans"][0]["services"] if s["id"] == "git")
    assert (git["downtime"]["source"], git["downtime"]["error_rate_above"]) == ("samples_and_incidents", 5)
    q3 = next(p for p in g["periods"] if p["period"] == "2026-Q3")
    assert (q3["uptime"], q3["downtime_minutes"], q3["budget_minutes"], q3["met"], q3["credit"], q3["claim_by"],
            q3["final"], q3["source"]) == (99.848, 201.5, 132.5, False, 10, "2026-10-30", True, "parts")
    months = {m["month"]: m["downtime_minutes"] for m in g["months"]}
    assert (months["2026-07"], months["2026-08"], months["2026-09"]) == (21.5, 180, 0)
    # git is listed (no objective): published for information, by the same terms: 13 minutes.
    git = next(s for s in load_json(public / "sla.json")["plans"][0]["services"] if s["id"] == "git")
    assert "parts" not in git
    assert next(m for m in git["months"] if m["month"] == "2026-07")["downtime_minutes"] == 13
    assert git["months"][0]["source"] == "samples_and_incidents"


def test_sla_json_validates_against_its_schema(public: Path):
    schema = load_json(public / "sla.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(load_json(public / "sla.json")))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_report_reads_the_same_quarter(slasite: Path, source: Path, public: Path):  # noqa: F811
    run = subprocess.run([str(slasite), "report", "--source", str(source), "--now", NOW, "--service", "github"],
                         capture_output=True)
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout.decode("utf-8"), newline="")))
    q3 = next(r for r in rows if r["period"] == "2026-Q3")
    assert (q3["uptime"], q3["downtime_minutes"], q3["credit"], q3["claim_by"], q3["source"]) == (
        "99.848", "201.5", "10", "2026-10-30", "parts")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u00a0", " ")


def test_pages_agree(public: Path):
    details = (public / "plans" / "enterprise" / "github" / "index.html").read_text(encoding="utf-8")
    assert 'GitHub is made of <a href="/plans/enterprise/git/">Git</a>, API, Actions' in details
    assert "99.848%" in text(details) and "201.5 min" in text(details)
    # What the incidents counted toward github: the API outage 180 in August, the blip 10 in
    # July; git's partial 1.5 (5 minutes inside git's bad minutes, 5 under the blip).
    down = text((public / "incidents" / "api-down" / "index.html").read_text(encoding="utf-8"))
    assert "GitHub (through its parts)" in down and "180.0 min" in down
    partial = text((public / "incidents" / "git-degraded" / "index.html").read_text(encoding="utf-8"))
    assert "1.5 min" in partial
    assert "5.0 min inside minutes counted by request samples or measurements" in partial
