"""STYLE 15, issue 22: a past month is described by its own figure, never by the terms in force now.

The site is Tests/Fixtures/feeds with one more revision of plan "standard", built at
--now 2026-11-24T00:00:00Z (months in UTC):

  front matter (version 2026-08-01): uptime 99.9, credits [<99.9 → 10, <99.0 → 25], cap 25,
      claim_window_days 30, termination after 1 missed month.
  revision published 2026-09-20, effective 2026-10-01 (version 2026-10-01): uptime 99.95,
      credits [<99.95 → 15, <99.0 → 30], cap 30, termination after 3 missed months.

Hand computation of the missed months, each judged by its own terms (docs/spec.md §3 Terms in force):

  api 2026-08 (version 2026-08-01): 31 days = 44,640 min, 90 min down.
      uptime = 100 × (44,640 − 90) / 44,640 = 99.79838… → 99.798 < 99.9: missed.
      budget = (1 − 99.9/100) × 44,640 = 44.64 → 44.6 min.
      credit: < 99.9 applies (10), < 99.0 does not → 10 (cap 25).
      termination after 1: the run is 1 ≥ 1 → termination_right true ("gives the right").
      claim_by = 31 August + 30 days = September 30, 2026.
  storage 2026-09 (version 2026-08-01): 30 days = 43,200 min, 240 × 0.3 = 72 min.
      uptime = 100 × 43,128 / 43,200 = 99.83333… → 99.833 < 99.9: missed, credit 10,
      budget 43.2, termination_right true, claim_by October 30, 2026.
  api 2026-10 (version 2026-10-01): 44,640 min, 480 min down.
      uptime = 100 × 44,160 / 44,640 = 98.92473… → 98.925 < 99.95: missed.
      budget = (1 − 99.95/100) × 44,640 = 22.32 → 22.3 min.
      credit: < 99.95 (15) and < 99.0 (30) apply → 30 (cap 30).
      termination after 3: the run is 1 (September was met) → false.
      claim_by = 31 October + 30 days = November 30, 2026.

The terms in force now say 99.95 and "after 3": an output that reads them for August would say
"missed 99.95%" with a 44.6-minute budget (the bug of issue 22).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest

from test_feeds import FIXTURE, NOW, build, load_json, slasite  # noqa: F401 (fixture)

REVISION = """  - date: 2026-09-20
    effective: 2026-10-01
    note: "Objective raised to 99.95%; credits 15% below 99.95% and 30% below 99%."
    uptime: 99.95
    credits:
      - below: 99.95
        credit: 15
      - below: 99.0
        credit: 30
    credit_cap: 30
    termination:
      consecutive_misses: 3
"""

# (service, month) → (uptime, objective, budget, credit, termination_right, claim_by, version)
EXPECTED = {
    ("api", "2026-08"): (99.798, 99.9, 44.6, 10, True, "2026-09-30", "2026-08-01"),
    ("storage", "2026-09"): (99.833, 99.9, 43.2, 10, True, "2026-10-30", "2026-08-01"),
    ("api", "2026-10"): (98.925, 99.95, 22.3, 30, False, "2026-11-30", "2026-10-01"),
}
MONTH_NAMES = {"2026-08": "August 2026", "2026-09": "September 2026", "2026-10": "October 2026"}
CLAIM_DAYS = {"2026-09-30": "September 30, 2026", "2026-10-30": "October 30, 2026", "2026-11-30": "November 30, 2026"}


@pytest.fixture(scope="module")
def revised(slasite: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    root = tmp_path_factory.mktemp("revised")
    site = root / "site"
    shutil.copytree(FIXTURE, site)
    plan = site / "content" / "plans" / "standard.md"
    text = plan.read_text()
    text = text.replace("claim_window_days: 30\n", "claim_window_days: 30\ntermination:\n  consecutive_misses: 1\n")
    marker = "revisions:\n"
    head, tail = text.split(marker, 1)
    # The existing note comes first (oldest first); the revision follows it.
    note_end = tail.index("uptime:")
    text = head + marker + tail[:note_end] + REVISION + tail[note_end:]
    plan.write_text(text)
    return build(slasite, site, root / "public")


def test_sla_json_months_carry_their_own_terms(revised: Path):
    sla = load_json(revised / "sla.json")
    standard = next(p for p in sla["plans"] if p["id"] == "standard")
    assert [v["effective"] for v in standard["versions"]] == ["2026-08-01", "2026-10-01"]
    seen = {}
    for service in standard["services"]:
        for m in service["months"]:
            if m["final"] and m["met"] is False:
                seen[(service["id"], m["month"])] = (
                    m["uptime"], m["objective"], m["budget_minutes"], m["credit"], m["termination_right"], m["claim_by"],
                    m["version"])
    assert seen == EXPECTED


def missed_items(feed_items):
    return {(i["_sla"]["service"], i["_sla"]["month"]): i for i in feed_items if i["_sla"]["kind"] == "missed-objective"}


def test_json_feed_items_describe_each_month_by_its_own_terms(revised: Path):
    feed = load_json(revised / "feed.json")
    items = missed_items(feed["items"])
    assert set(items) == set(EXPECTED)
    for key, (uptime, objective, budget, credit, termination, claim_by, _) in EXPECTED.items():
        item = items[key]
        facts = item["_sla"]
        assert (facts["uptime"], facts["objective"], facts["credit"], facts["termination_right"], facts["claim_by"]) == (
            uptime, objective, credit, termination, claim_by), key
        assert f"missed {objective:g}%" in item["title"], item["title"]
        assert f"below its {objective:g}% objective" in item["summary"]
        assert f"(objective {objective:g}%)" in item["content_html"]
        assert f"(allowed: {budget:.1f} minutes)" in item["content_html"], item["content_html"]
    # August's right is the one month of its own terms, not the three of the terms now.
    assert "gives the customer the right to terminate" in items[("api", "2026-08")]["summary"]
    assert "3 missed months" not in items[("api", "2026-08")]["summary"]
    assert "terminate" not in items[("api", "2026-10")]["summary"]


def test_atom_feed_read_by_feedparser_agrees(revised: Path):
    parsed = feedparser.parse(str(revised / "feed.xml"))
    assert not parsed.bozo, parsed.bozo_exception
    json_items = {i["id"]: i for i in load_json(revised / "feed.json")["items"]}
    found = 0
    for entry in parsed.entries:
        if "#missed-" not in entry.id:
            continue
        found += 1
        item = json_items[entry.id]
        assert entry.title == item["title"]
        month = entry.id.rsplit("#missed-", 1)[1]
        service = "api" if "/api/" in entry.id else "storage"
        objective = EXPECTED[(service, month)][1]
        assert f"missed {objective:g}%" in entry.title
        assert f"(objective {objective:g}%)" in entry.content[0].value
    assert found == 3


def test_claims_calendar_read_by_icalendar_names_each_months_objective(revised: Path):
    calendar = icalendar.Calendar.from_ical((revised / "claims.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 3
    for (service, month), (uptime, objective, _, credit, _, claim_by, _) in EXPECTED.items():
        event = next(e for uid, e in events.items() if uid.startswith(f"claim-standard-{service}-{month}@"))
        assert event.decoded("DTSTART").isoformat() == claim_by
        description = str(event["DESCRIPTION"])
        assert description.startswith(
            f"{uptime:.3f}% uptime in {MONTH_NAMES[month]} against an objective of {objective:g}%: "
            f"eligible for a {credit:g}% service credit on claim, by {CLAIM_DAYS[claim_by]}."), description
        assert f"({credit:g}% credit)" in str(event["SUMMARY"])


class Rows(HTMLParser):
    """The history table's rows: each <tr>'s cells as text."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(re.sub(r"[ \t\r\n]+", " ", "".join(self.cell)).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_details_pages_history_judges_each_month_by_its_terms(revised: Path):
    for (service, month), (uptime, objective, _, credit, _, _, _) in EXPECTED.items():
        parser = Rows()
        parser.feed((revised / "plans" / "standard" / service / "index.html").read_text())
        row = next(r for r in parser.rows if r and r[0] == MONTH_NAMES[month])
        assert row[1] == f"{uptime:.3f}%" and row[3] == f"{objective:g}%", row
        assert row[5].startswith(f"{credit:g}%"), row


def test_incident_page_counts_against_the_month_as_judged(revised: Path):
    html = (revised / "incidents" / "2026-08-12-api-outage" / "index.html").read_text()
    parser = Rows()
    parser.feed(html)
    row = next(r for r in parser.rows if any("August 2026" in c for c in r) and any("Standard" in c for c in r))
    assert "10%" in " ".join(row), row


def test_badges_read_the_current_months_objective(revised: Path):
    svg = "{http://www.w3.org/2000/svg}"
    title = ET.parse(revised / "badges" / "standard" / "storage.svg").getroot().findtext(svg + "title")
    # November is judged by the 2026-10-01 version: 97.826% against 99.95%.
    assert "97.826%" in title and "99.95%" in title, title
