"""Issue 22, parts 2 and 5: quarters judged once, and `slasite report` (docs/cli.md).

A small quarterly site (UTC) is written here and built with the real binary at
--now 2026-11-24T00:00:00Z:

  plan "pro", effective 2026-01-01, period: quarter, uptime 99.9, credits [<99.9 → 10,
      <99.0 → 25], claim_window_days 30, termination after 2 missed periods.
  revision published 2026-06-15, effective 2026-07-01 (version 2026-07-01): uptime 99.95,
      credits [<99.95 → 15, <99.0 → 30].

Hand computation (docs/spec.md §3 Periods: each quarter judged once by the terms of its first day):

  api 2026-Q2 (version 2026-01-01): 30 + 31 + 30 days = 131,040 min; 200 min down on 10 May.
      uptime = 100 × (131,040 − 200) / 131,040 = 99.84737… → 99.847 < 99.9: missed.
      budget = 0.001 × 131,040 = 131.04 → 131.0. credit: < 99.9 (10) applies, < 99.0 not → 10.
      claim_by = 30 June + 30 days = 2026-07-30. One miss: no termination right.
      (May alone: 100 × 44,440 / 44,640 = 99.552; published as information, not judged.)
  api 2026-Q3 (version 2026-07-01): 31 + 31 + 30 = 132,480 min; 100 min down on 10 August.
      uptime = 100 × 132,380 / 132,480 = 99.92451… → 99.925 < 99.95: missed.
      budget = 0.0005 × 132,480 = 66.24 → 66.2. credit: < 99.95 (15), not < 99.0 → 15.
      claim_by = 30 September + 30 days = 2026-10-30. Second miss in a row: termination right.
  api 2026-Q4: in progress (1 Oct – 24 Nov, nothing down): 100, on track, no credit.

Read by the terms in force now, Q2 would say "missed 99.95 %" and owe 15 %: every output below
must say 99.9 and 10 for Q2 (one definition of each number, STYLE 15).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest

from test_feeds import NOW, build, load_json, slasite, write_site  # noqa: F401 (fixture)

FILES = {
    "site.yaml": 'title: "Quarterly"\nprovider: "Q & Co"\nbase_url: "https://q.example/"\ntimezone: "UTC"\nstatus_since: 2026-01-01\n',
    "content/terms.md": "---\ntitle: Terms\n---\nTerms.\n",
    "content/services/api.md": "---\ntitle: API\nsummary: The API.\nmeasurement: Probes every minute.\n---\nThe API.\n",
    "content/plans/pro.md": """---
title: Pro
summary: Quarterly terms.
effective: 2026-01-01
period: quarter
uptime: 99.9
credits:
  - {below: 99.9, credit: 10}
  - {below: 99.0, credit: 25}
claim_window_days: 30
termination: {consecutive_misses: 2}
revisions:
  - date: 2026-06-15
    effective: 2026-07-01
    note: "Objective 99.95 %, credits 15 % and 30 %."
    uptime: 99.95
    credits:
      - {below: 99.95, credit: 15}
      - {below: 99.0, credit: 30}
services:
  api: {}
---
Pro.
""",
    "content/status/incidents/2026-05-10-api.md": "---\ntitle: May outage\nservices: [api]\nimpact: major\nstart: 2026-05-10T00:00:00Z\nend: 2026-05-10T03:20:00Z\n---\nDown.\n",
    "content/status/incidents/2026-08-10-api.md": "---\ntitle: August outage\nservices: [api]\nimpact: major\nstart: 2026-08-10T00:00:00Z\nend: 2026-08-10T01:40:00Z\n---\nDown.\n",
}

# period → (uptime, downtime, budget, objective, version, met, credit, claim_by, final, termination_right)
EXPECTED = {
    "2026-Q1": (100, 0, 129.6, 99.9, "2026-01-01", True, 0, None, True, False),
    "2026-Q2": (99.847, 200, 131, 99.9, "2026-01-01", False, 10, "2026-07-30", True, False),
    "2026-Q3": (99.925, 100, 66.2, 99.95, "2026-07-01", False, 15, "2026-10-30", True, True),
    "2026-Q4": (100, 0, 66.2, 99.95, "2026-07-01", True, 0, None, False, False),
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("quarterly"), FILES)


@pytest.fixture(scope="module")
def public(slasite: Path, source: Path) -> Path:  # noqa: F811
    return build(slasite, source, source / "public")


def report(slasite: Path, source: Path, *args: str) -> subprocess.CompletedProcess:  # noqa: F811
    # Bytes, decoded here: text mode would turn the CSV's CRLF into LF.
    result = subprocess.run([str(slasite), "report", "--source", str(source), "--now", NOW, *args], capture_output=True)
    result.stdout, result.stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    return result


def periods(public: Path) -> list[dict]:
    sla = load_json(public / "sla.json")
    (service,) = sla["plans"][0]["services"]
    return service["periods"]


def test_sla_json_periods_are_the_hand_computed_quarters(public: Path):
    sla = load_json(public / "sla.json")
    (service,) = sla["plans"][0]["services"]
    assert service["period"] == "quarter" and service["period_start_month"] == 1
    got = {
        p["period"]: (p["uptime"], p["downtime_minutes"], p["budget_minutes"], p["objective"], p["version"], p["met"],
                      p["credit"], p["claim_by"], p["final"], p["termination_right"])
        for p in service["periods"]
    }
    assert got == EXPECTED
    # Months are information: their own figures, no verdict, credit or deadline.
    may = next(m for m in service["months"] if m["month"] == "2026-05")
    assert (may["uptime"], may["met"], may["credit"], may["claim_by"]) == (99.552, None, None, None)
    assert all(m["met"] is None and m["credit"] is None for m in service["months"])


def test_report_csv_is_rfc4180_and_equals_sla_json(slasite: Path, source: Path, public: Path):  # noqa: F811
    result = report(slasite, source)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("\r\n") and "\r\n" in result.stdout.splitlines(keepends=True)[0]
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert list(rows[0]) == ["plan", "service", "period", "from", "to", "objective", "version", "uptime",
                             "downtime_minutes", "budget_minutes", "met", "credit", "claim_by", "final", "source",
                             "termination_right"]
    # Every judged period of sla.json, field by field, as text.
    def text(v):
        return "" if v is None else ("true" if v is True else "false" if v is False else str(v))

    expected = [
        {"plan": "pro", "service": "api", **{k: text(v) for k, v in p.items()}} for p in periods(public)
    ]
    assert rows == expected
    q2 = next(r for r in rows if r["period"] == "2026-Q2")
    assert (q2["objective"], q2["credit"], q2["claim_by"], q2["from"], q2["to"]) == ("99.9", "10", "2026-07-30", "2026-04-01", "2026-06-30")


def test_report_json_and_filters(slasite: Path, source: Path, public: Path):  # noqa: F811
    result = report(slasite, source, "--format", "json", "--from", "2026-06-15", "--to", "2026-07-01")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    # Q2 (ends 30 June) and Q3 (starts 1 July) have a day in 15 June – 1 July; Q1 and Q4 do not.
    assert [r["period"] for r in rows] == ["2026-Q2", "2026-Q3"]
    by_period = {p["period"]: p for p in periods(public)}
    for r in rows:
        assert {k: v for k, v in r.items() if k not in ("plan", "service")} == by_period[r["period"]]
    assert report(slasite, source, "--plan", "pro", "--service", "api").stdout.count("\r\n") == 1 + 4
    missing = report(slasite, source, "--plan", "por")
    assert missing.returncode == 2 and 'unknown plan "por" (did you mean "pro"?)' in missing.stderr
    bad = report(slasite, source, "--from", "2026-13-01")
    assert bad.returncode == 2 and "--from must be a date" in bad.stderr


class Rows(HTMLParser):
    """The cells of every table row with a class (the history table's rows)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr" and dict(attrs).get("class", "").startswith("row-"):
            self.rows.append([])
        elif tag in ("td", "th") and self.rows and self.cell is None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.cell is not None:
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_every_output_describes_each_quarter_by_its_own_figure(public: Path):
    # Feeds: one item per missed quarter, with its own objective and credit.
    feed = load_json(public / "feed.json")
    missed = {i["_sla"]["period"]: i for i in feed["items"] if i["_sla"]["kind"] == "missed-objective"}
    assert set(missed) == {"2026-Q2", "2026-Q3"}
    # The title names the quarter in words; `_sla.period` keeps "2026-Q2".
    assert missed["2026-Q2"]["title"] == "Pro · API missed 99.9% in Q2 2026"
    assert (missed["2026-Q2"]["_sla"]["objective"], missed["2026-Q2"]["_sla"]["credit"]) == (99.9, 10)
    assert (missed["2026-Q3"]["_sla"]["objective"], missed["2026-Q3"]["_sla"]["credit"]) == (99.95, 15)
    assert "10% of the quarterly fee" in missed["2026-Q2"]["summary"]
    assert "completes 2 missed quarters in a row" in missed["2026-Q3"]["summary"]
    assert missed["2026-Q2"]["date_published"] == "2026-07-01T00:00:00Z"
    atom = feedparser.parse((public / "feed.xml").read_bytes())
    titles = {e.title for e in atom.entries}
    assert {"Pro · API missed 99.9% in Q2 2026", "Pro · API missed 99.95% in Q3 2026"} <= titles
    # claims.ics: one event per quarter with a credit, on its claim_by day.
    calendar = icalendar.Calendar.from_ical((public / "claims.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"claim-pro-api-2026-Q2@q.example", "claim-pro-api-2026-Q3@q.example"}
    assert events["claim-pro-api-2026-Q2@q.example"].decoded("DTSTART").isoformat() == "2026-07-30"
    assert "99.9%" in str(events["claim-pro-api-2026-Q2@q.example"]["DESCRIPTION"])
    assert "Q2 2026" in str(events["claim-pro-api-2026-Q2@q.example"]["SUMMARY"])
    # Details page: the quarters, each with its objective, credit and claim-by.
    html = (public / "plans" / "pro" / "api" / "index.html").read_text(encoding="utf-8")
    parser = Rows()
    parser.feed(html)
    history = {r[0]: r for r in parser.rows}
    assert set(history) == {"Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"}
    assert history["Q2 2026"][1:4] == ["99.847%", "200.0 min", "99.9%"]
    assert history["Q2 2026"][5].startswith("10%") and "July 30, 2026" in history["Q2 2026"][5]
    assert history["Q3 2026"][3] == "99.95%" and history["Q3 2026"][5].startswith("15%")
    # Worded per quarter (the percent sign follows a no-break space).
    assert "Quarterly history" in html and "99.95% quarterly uptime" in html
    assert "up to 65.7 minutes of downtime a quarter" in html.replace("\u00a0", " ")  # 0.0005 × 131,490 = 65.745
    assert "Credit as a percentage of the quarterly fee" in html
    # Badge: the quarter in progress, against its own objective.
    badge = ET.parse(public / "badges" / "pro" / "api.svg").getroot()
    title = badge.find("{http://www.w3.org/2000/svg}title").text
    assert "uptime in Q4 2026 so far" in title and "objective 99.95%" in title
