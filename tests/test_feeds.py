"""Feeds and machine-readable outputs (docs/spec.md §4), checked with real parsers.

The fixture site Tests/Fixtures/feeds is built with the real binary at
--now 2026-11-24T00:00:00Z. Its figures, worked out by hand (months in UTC):

Plan "standard": uptime 99.9, credits [<99.9 → 10, <99.0 → 25], credit_cap 25,
maintenance excluded (the default). Plan "free": api only, no uptime objective.

standard / api
  2026-08  31 days = 44,640 min. Major outage 10:00–11:30 on the 12th = 90 min.
           uptime = 100 × (44,640 − 90) / 44,640 = 99.79838… → 99.798 < 99.9: missed.
           Tiers below 99.9 (10) apply, below 99.0 does not → credit 10.
  2026-09  no api incident → 100, met.
  2026-10  Maintenance on the 4th is excluded. Major outage 00:00–08:00 on the 20th = 480 min.
           uptime = 100 × (44,640 − 480) / 44,640 = 98.92473… → 98.925 < 99.0 → credit 25
           (the cap is 25, so it stays 25): missed.
  2026-11  current month, not final: never a feed item. No incident → 100%, on track.
standard / storage
  2026-08  100.
  2026-09  30 days = 43,200 min. Partial (weight 0.3) 00:00–04:00 on the 3rd = 240 × 0.3 = 72 min.
           uptime = 100 × (43,200 − 72) / 43,200 = 99.83333… → 99.833 < 99.9: missed, credit 10.
  2026-10  only the excluded maintenance → 100, met.
  2026-11  open major outage since 23rd 12:00 runs to now: 720 min of 23 × 1,440 = 33,120 elapsed.
           uptime = 100 × 32,400 / 33,120 = 97.82608… → 97.826, below objective (red badge).
free / api  no objective → never missed, grey "no commitment" badge.

So the feeds hold 6 incidents + 1 revision + 3 missed months = 10 entries.
"""

from __future__ import annotations

import shutil
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "Tests" / "Fixtures" / "feeds"
NOW = "2026-11-24T00:00:00Z"
BASE = "https://status.feeds.example/sla/"
SVG = "{http://www.w3.org/2000/svg}"

# (plan, service, month) → (published uptime, credit), from the hand computation above.
EXPECTED_MISSED = {
    ("standard", "api", "2026-10"): (98.925, 25),
    ("standard", "storage", "2026-09"): (99.833, 10),
    ("standard", "api", "2026-08"): (99.798, 10),
}

# Newest first: (date_published, id relative to BASE).
EXPECTED_ORDER = [
    ("2026-12-05T01:00:00Z", "incidents/2026-12-05-maintenance/#incident"),
    ("2026-11-23T12:00:00Z", "incidents/2026-11-23-storage-outage/#incident"),
    ("2026-11-01T00:00:00Z", "plans/standard/api/#missed-2026-10"),
    ("2026-10-20T00:00:00Z", "incidents/2026-10-20-api-outage/#incident"),
    ("2026-10-04T02:00:00Z", "incidents/2026-10-04-maintenance/#incident"),
    ("2026-10-01T00:00:00Z", "plans/standard/storage/#missed-2026-09"),
    ("2026-09-15T00:00:00Z", "plans/standard/#revision-2026-09-15"),
    ("2026-09-03T00:00:00Z", "incidents/2026-09-03-storage-errors/#incident"),
    ("2026-09-01T00:00:00Z", "plans/standard/api/#missed-2026-08"),
    ("2026-08-12T10:00:00Z", "incidents/2026-08-12-api-outage/#incident"),
]


# --- building ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def slasite() -> Path:
    binary = Path(os.environ.get("SLASITE_BIN", ROOT / ".build" / "debug" / "slasite"))
    if not binary.exists():
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    assert binary.exists(), f"{binary} was not built"
    return binary


def write_site(root: Path, files: dict) -> Path:
    """Writes `files` (relative path → text) under `root` and returns it: a site for one test module."""
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def build(binary: Path, source: Path, output: Path) -> Path:
    result = subprocess.run(
        [str(binary), "build", "--source", str(source), "--output", str(output), "--now", NOW],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def site(slasite: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(slasite, FIXTURE, tmp_path_factory.mktemp("feeds") / "public")


@pytest.fixture(scope="session")
def example(slasite: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(slasite, ROOT, tmp_path_factory.mktemp("example") / "public")


@pytest.fixture(params=["fixture", "example"])
def any_site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue("site" if request.param == "fixture" else "example")


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def rfc3339(text: str) -> datetime:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", text), text
    return datetime.fromisoformat(text)


# --- both feeds ----------------------------------------------------------------------------------


# JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a schema: feedparser 6.0.x, the
# newest release, reads RSS and Atom only, so the JSON feed is checked against its spec here.
JSON_FEED_1_1 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri"},
        "description": {"type": "string"},
        "authors": {"type": "array", "items": {"$ref": "#/$defs/author"}},
        "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    },
    "$defs": {
        "author": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
            "anyOf": [{"required": ["name"]}, {"required": ["url"]}],
        },
        "item": {
            "type": "object",
            "required": ["id"],
            "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "url": {"type": "string", "format": "uri"},
                "title": {"type": "string"},
                "summary": {"type": "string"},
                "content_html": {"type": "string"},
                "date_published": {"type": "string", "format": "date-time"},
                "date_modified": {"type": "string", "format": "date-time"},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
            # Only the spec's keys or extensions, which start with an underscore.
            "patternProperties": {"^_": {"type": "object"}},
            "additionalProperties": False,
        },
    },
}


def test_feeds_parse_and_agree(any_site: Path):
    feed = load_json(any_site / "feed.json")
    validator = jsonschema.Draft202012Validator(
        JSON_FEED_1_1, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = list(validator.iter_errors(feed))
    assert not errors, [e.message for e in errors[:10]]

    atom = feedparser.parse((any_site / "feed.xml").read_bytes())
    assert atom.bozo == 0, atom.get("bozo_exception")
    assert atom.version == "atom10"
    items = feed["items"]
    assert len(atom.entries) == len(items) > 0
    assert [e.id for e in atom.entries] == [i["id"] for i in items]
    assert [e.title for e in atom.entries] == [i["title"] for i in items]
    assert [e.link for e in atom.entries] == [i["url"] for i in items]
    for entry, item in zip(atom.entries, items):
        assert tuple(entry.published_parsed)[:6] == rfc3339(item["date_published"]).timetuple()[:6]
        updated = item.get("date_modified", item["date_published"])
        assert tuple(entry.updated_parsed)[:6] == rfc3339(updated).timetuple()[:6]
        assert entry.content[0].type == "text/html"
        assert [t.term for t in entry.tags] == item["tags"]
    if hasattr(feedparser, "parsers") and hasattr(feedparser.parsers, "json"):
        # A feedparser that reads JSON Feed (6.1+) must see the same entries.
        parsed = feedparser.parse(
            (any_site / "feed.json").read_bytes(), response_headers={"content-type": "application/feed+json"}
        )
        assert parsed.bozo == 0 and len(parsed.entries) == len(items)


def test_json_feed_shape(any_site: Path):
    feed = load_json(any_site / "feed.json")
    sla = load_json(any_site / "sla.json")
    base = sla["base_url"]
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["home_page_url"] == base
    assert feed["feed_url"] == base + "feed.json"
    items = feed["items"]
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids), "ids must be unique"
    dates = [rfc3339(item["date_published"]) for item in items]
    assert dates == sorted(dates, reverse=True), "newest first"
    for item in items:
        assert item["id"].startswith(base) and item["url"].startswith(base)
        assert item["content_html"].strip()
        if "date_modified" in item:
            assert rfc3339(item["date_modified"]) >= rfc3339(item["date_published"])


def test_every_missed_month_of_sla_json_is_an_item(any_site: Path):
    # The judged periods: a quarterly service's `periods` (its months are not judged), else its months.
    sla = load_json(any_site / "sla.json")
    missed = {
        (plan["id"], service["id"], judged.get("period") or judged["month"])
        for plan in sla["plans"]
        for service in plan["services"]
        for judged in service.get("periods", service["months"])
        if judged["final"] and judged["met"] is False
    }
    assert not any(
        month["met"] is not None
        for plan in sla["plans"]
        for service in plan["services"]
        if "periods" in service
        for month in service["months"]
        if not any(p["period"] == month["month"] for p in service["periods"])
    ), "a month inside a quarter or year is not judged"
    items = load_json(any_site / "feed.json")["items"]
    reported = {
        (i["_sla"]["plan"], i["_sla"]["service"], i["_sla"].get("month") or i["_sla"]["period"])
        for i in items
        if i["_sla"]["kind"] == "missed-objective"
    }
    assert reported == missed
    kinds = Counter(i["_sla"]["kind"] for i in items)
    assert kinds["incident"] == len(sla["incidents"])
    assert kinds["revision"] == sum(len(p["revisions"]) for p in sla["plans"])


def test_fixture_items_kinds_order_and_hand_computed_misses(site: Path):
    items = load_json(site / "feed.json")["items"]
    assert [(i["date_published"], i["id"]) for i in items] == [(d, BASE + r) for d, r in EXPECTED_ORDER]
    assert Counter(i["_sla"]["kind"] for i in items) == {"incident": 6, "revision": 1, "missed-objective": 3}

    missed = {
        (i["_sla"]["plan"], i["_sla"]["service"], i["_sla"]["month"]): i
        for i in items
        if i["_sla"]["kind"] == "missed-objective"
    }
    assert set(missed) == set(EXPECTED_MISSED)
    for key, (uptime, credit) in EXPECTED_MISSED.items():
        item = missed[key]
        assert item["_sla"]["uptime"] == uptime
        assert item["_sla"]["credit"] == credit
        assert item["_sla"]["objective"] == 99.9
        assert f"{uptime}%" in item["summary"] and f"{credit}%" in item["summary"]
        assert item["url"] == BASE + f"plans/{key[0]}/{key[1]}/"
    # Titles name the month in words (the `_sla` facts keep "2026-10").
    assert missed[("standard", "api", "2026-10")]["title"] == "Standard · API missed 99.9% in October 2026"
    assert missed[("standard", "storage", "2026-09")]["title"] == 'Standard · Storage & "Archive" missed 99.9% in September 2026'

    # The same numbers as sla.json publishes (one definition of each number).
    sla = load_json(site / "sla.json")
    months = {
        (p["id"], s["id"], m["month"]): m for p in sla["plans"] for s in p["services"] for m in s["months"]
    }
    for key, (uptime, credit) in EXPECTED_MISSED.items():
        assert (months[key]["uptime"], months[key]["credit"]) == (uptime, credit)

    by_id = {i["id"]: i for i in items}
    ongoing = by_id[BASE + "incidents/2026-11-23-storage-outage/#incident"]
    assert "date_modified" not in ongoing
    outage = by_id[BASE + "incidents/2026-10-20-api-outage/#incident"]
    assert outage["date_modified"] == "2026-10-20T08:00:00Z"
    # Raw HTML in a report is not passed through (markdown.unsafe is false).
    assert "<script>" not in by_id[BASE + "incidents/2026-08-12-api-outage/#incident"]["content_html"]
    revision = by_id[BASE + "plans/standard/#revision-2026-09-15"]
    assert revision["url"] == BASE + "plans/standard/"
    assert "&lt; 99.0 %" in revision["content_html"]


def test_atom_feed_is_rfc4287(site: Path):
    root = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.findtext("a:id", namespaces=ns) == BASE + "feed.xml"
    assert root.findtext("a:title", namespaces=ns) == "Feeds <Fixture> & Co SLAs"
    assert root.find("a:author/a:name", ns).text == "Feeds & Co"
    self_link = [l for l in root.findall("a:link", ns) if l.get("rel") == "self"]
    assert self_link and self_link[0].get("href") == BASE + "feed.xml"
    # The feed is dated by its content, capped at now — never by the clock.
    assert root.findtext("a:updated", namespaces=ns) == NOW
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(EXPECTED_ORDER)
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"a:{required}", namespaces=ns), required
        rfc3339(entry.findtext("a:updated", namespaces=ns))
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    storage = [e for e in parsed.entries if e.id.endswith("#missed-2026-09")][0]
    assert storage.title == 'Standard · Storage & "Archive" missed 99.9% in September 2026'


def test_builds_are_byte_identical(slasite: Path, tmp_path: Path):
    first = build(slasite, FIXTURE, tmp_path / "one")
    second = build(slasite, FIXTURE, tmp_path / "two")
    names = ["feed.json", "feed.xml", "maintenance.ics", "sla.schema.json"]
    names += [str(p.relative_to(first)) for p in sorted((first / "badges").rglob("*.svg"))]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# --- maintenance calendar ------------------------------------------------------------------------


def test_ics_lines_are_crlf_and_folded(any_site: Path):
    raw = (any_site / "maintenance.ics").read_bytes()
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "bare CR"
    for line in raw.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a UTF-8 sequence


def test_ics_parses_with_stable_uids_in_utc(site: Path):
    calendar = icalendar.Calendar.from_ical((site / "maintenance.ics").read_bytes())
    assert calendar["VERSION"] == "2.0"
    events = list(calendar.walk("VEVENT"))
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {
        "2026-10-04-maintenance@status.feeds.example",  # past
        "2026-12-05-maintenance@status.feeds.example",  # scheduled
    }
    utc = lambda *a: datetime(*a, tzinfo=timezone.utc)  # noqa: E731
    past = by_uid["2026-10-04-maintenance@status.feeds.example"]
    assert past.decoded("DTSTART") == utc(2026, 10, 4, 2)
    assert past.decoded("DTEND") == utc(2026, 10, 4, 6)
    future = by_uid["2026-12-05-maintenance@status.feeds.example"]
    assert future.decoded("DTSTART") == utc(2026, 12, 5, 1)
    assert future.decoded("DTEND") == utc(2026, 12, 5, 3)
    assert future.decoded("DTSTAMP") == utc(2026, 12, 5, 1)
    for event in events:
        for key in ("DTSTART", "DTEND", "DTSTAMP"):
            assert event.decoded(key).utcoffset().total_seconds() == 0
        assert str(event["URL"]).startswith(BASE + "incidents/")
    # TEXT escaping round-trips: ; , \ and non-ASCII through a folded line.
    assert str(future["SUMMARY"]) == (
        "Scheduled maintenance; database, network and TLS upgrade — région eu-west, all availability zones"
    )
    description = str(future["DESCRIPTION"])
    assert "Back-slashes \\\\ and commas, semicolons; stay escaped." in description
    assert "\nDetails: " + BASE + "incidents/2026-12-05-maintenance/" in description


def test_example_ics_has_every_maintenance_window(example: Path):
    sla = load_json(example / "sla.json")
    expected = {i["id"] + "@sla.nimbus.example" for i in sla["incidents"] if i["impact"] == "maintenance"}
    calendar = icalendar.Calendar.from_ical((example / "maintenance.ics").read_bytes())
    assert {str(e["UID"]) for e in calendar.walk("VEVENT")} == expected


# --- schema ----------------------------------------------------------------------------------------


def test_sla_json_validates_against_schema(any_site: Path):
    schema = load_json(any_site / "sla.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    sla = load_json(any_site / "sla.json")
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(sla), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])
    assert schema["$id"] == sla["base_url"] + "sla.schema.json"


def test_schema_is_closed_and_rejects_drift(site: Path):
    schema = load_json(site / "sla.schema.json")
    validator = jsonschema.Draft202012Validator(schema)
    sla = load_json(site / "sla.json")
    # Every object definition lists every property as required and allows no others.
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False, name
            # Only a service's `periods` (a quarterly or yearly service) and `parts` and `combine`
            # (a composite) are written where they apply.
            optional = {"periods", "parts", "combine"} if name == "ServiceLevel" else set()
            assert set(definition["required"]) == set(definition["properties"]) - optional, name
    month = sla["plans"][0]["services"][0]["months"][0]
    month["surprise"] = 1
    assert not validator.is_valid(sla)
    del month["surprise"]
    month["uptime"] = "99.9"
    assert not validator.is_valid(sla)


# --- badges and sitemap ----------------------------------------------------------------------------


def badge_parts(path: Path) -> tuple[str, list[str], list[str]]:
    root = ET.parse(path).getroot()
    assert root.tag == SVG + "svg"
    title = root.findtext(SVG + "title")
    texts = [t.text for t in root.iter(SVG + "text")]
    fills = [r.get("fill") for r in root.iter(SVG + "rect")]
    return title, texts, fills


def test_every_badge_parses_and_has_a_title(any_site: Path):
    sla = load_json(any_site / "sla.json")
    expected = {f"{p['id']}/{s['id']}.svg" for p in sla["plans"] for s in p["services"]}
    found = {str(p.relative_to(any_site / "badges")) for p in (any_site / "badges").rglob("*.svg")}
    assert found == expected
    for name in expected:
        title, texts, _ = badge_parts(any_site / "badges" / name)
        assert title and title.strip()
        assert "uptime" in texts


def test_fixture_badges_show_current_month(site: Path):
    title, texts, fills = badge_parts(site / "badges/standard/api.svg")
    # Measured uptime with its 3 decimals, always (docs/numbers.md).
    assert "100.000%" in texts and "#2e7d32" in fills  # on track: green
    assert title.startswith("Standard · API: 100.000% uptime in November 2026")
    title, texts, fills = badge_parts(site / "badges/standard/storage.svg")
    assert "97.826%" in texts and "#c62828" in fills  # below 99.9: red
    assert 'Storage & "Archive"' in title
    title, texts, fills = badge_parts(site / "badges/free/api.svg")
    assert "no commitment" in texts and "#6e6e6e" in fills
    assert "no uptime commitment" in title


def test_sitemap_parses_when_present(any_site: Path):
    sitemap = any_site / "sitemap.xml"
    if not sitemap.exists():
        pytest.skip("no sitemap.xml in this build")
    root = ET.parse(sitemap).getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag == ns + "urlset"
    base = load_json(any_site / "sla.json")["base_url"]
    locs = [u.findtext(ns + "loc") for u in root.findall(ns + "url")]
    assert locs and all(loc.startswith(base) for loc in locs)
    for url in root.findall(ns + "url"):
        lastmod = url.findtext(ns + "lastmod")
        if lastmod:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d))?", lastmod), lastmod


# --- claim deadlines and months without data (issue 17) ----------------------------------------


def test_claims_ics_has_one_all_day_event_per_claim_by(example: Path):
    """Read with the icalendar library: one event per final month with a credit and a claim
    window, on its claim_by day, with a UID naming plan, service and month."""
    sla = load_json(example / "sla.json")
    expected = {}
    for plan in sla["plans"]:
        for service in plan["services"]:
            # The judged periods (a quarterly service's quarters; its months carry no claim_by).
            for m in service.get("periods", service["months"]):
                if m["claim_by"] is not None:
                    assert m["final"] and m["credit"] > 0
                    uid = f"claim-{plan['id']}-{service['id']}-{m.get('period') or m['month']}@sla.nimbus.example"
                    expected[uid] = m["claim_by"]
            assert all(m["claim_by"] is None for m in service["months"] if "periods" in service and m["credit"] is None)
    assert expected, "the example site shows at least one claim_by"
    calendar = icalendar.Calendar.from_ical((example / "claims.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == set(expected)
    for uid, day in expected.items():
        start = events[uid].decoded("DTSTART")
        assert not isinstance(start, datetime), "an all-day event"
        assert start.isoformat() == day
        assert (events[uid].decoded("DTEND") - start).days == 1
        assert "on claim" in str(events[uid]["DESCRIPTION"])
    # Enterprise claims AWS-style: by the end of the second month after the month.
    enterprise = [m for p in sla["plans"] if p["id"] == "enterprise" for s in p["services"] for m in s["months"] if m["claim_by"]]
    for m in enterprise:
        y, mo = map(int, m["month"].split("-"))
        y2, mo2 = (y + (mo + 1) // 12, (mo + 1) % 12 + 1)
        assert m["claim_by"].startswith(f"{y2:04d}-{mo2:02d}-"), m


def test_months_before_status_since_have_no_data(slasite: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "basic", site)
    config = site / "site.yaml"
    config.write_text(config.read_text() + "status_since: 2026-10-01\n")
    out = build(slasite, site, tmp_path / "public")
    sla = load_json(out / "sla.json")
    assert sla["status_since"] == "2026-10-01"
    schema = load_json(out / "sla.schema.json")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(sla))
    assert not errors, errors[:3]
    pro = next(p for p in sla["plans"] if p["id"] == "pro")
    api = next(s for s in pro["services"] if s["id"] == "api")
    months = {m["month"]: m for m in api["months"]}
    sep = months["2026-09"]
    # September would be 99.583% with a 10% credit (EXPECTED.md); before status_since it is not judged.
    assert sep["source"] == "none"
    assert sep["uptime"] is None and sep["downtime_minutes"] is None and sep["met"] is None
    assert sep["budget_left_minutes"] is None and sep["credit"] == 0 and sep["claim_by"] is None
    # October misses again but no longer completes two misses in a row.
    assert months["2026-10"]["source"] == "incidents"
    assert months["2026-10"]["met"] is False and months["2026-10"]["termination_right"] is False
    # The page says so, and the chart plots only months with data.
    html = (out / "plans" / "pro" / "api" / "index.html").read_text()
    row = re.search(r'<tr class="row-nodata">.*?</tr>', html, re.S)
    assert row and "September 2026" in row.group(0) and "No data" in row.group(0), html[:2000]
    assert html.count('<g class="chart-point') == len([m for m in api["months"] if m["source"] != "none"])


# --- versions (issue 14) -------------------------------------------------------------------------


def test_each_month_is_judged_by_the_terms_in_force(example: Path):
    sla = load_json(example / "sla.json")
    business = next(p for p in sla["plans"] if p["id"] == "business")
    compute = {m["month"]: m for m in next(s for s in business["services"] if s["id"] == "compute")["months"]}
    # docs/example-credits.md: October 2025, 45 min of 44,700 → 99.899, met under the 99.5 as
    # first published (the 99.9 in force from December would have missed).
    oct25 = compute["2025-10"]
    assert (oct25["uptime"], oct25["objective"], oct25["version"], oct25["met"], oct25["credit"]) == (99.899, 99.5, "2025-10-01", True, 0)
    assert (compute["2025-12"]["objective"], compute["2025-12"]["version"]) == (99.9, "2025-12-01")
    dns = next(s for s in business["services"] if s["id"] == "dns")
    assert {m["month"]: m["objective"] for m in dns["months"]}["2025-11"] == 99.5
    assert dns["months"][-1]["objective"] == 99.95
    assert [(v["effective"], v["standing"]) for v in business["versions"]] == [("2025-10-01", "superseded"), ("2025-12-01", "current")]
    enterprise = next(p for p in sla["plans"] if p["id"] == "enterprise")
    versions = enterprise["versions"]
    assert [(v["effective"], v["standing"], v["published"]) for v in versions] == [
        ("2025-12-01", "superseded", None), ("2026-09-01", "current", "2026-08-17"), ("2027-01-01", "upcoming", "2026-11-16")]
    # The 2026-09-01 version measures Object Storage by request samples (issue 15).
    storage = {v["effective"]: next(s for s in v["services"] if s["id"] == "object-storage")["downtime"]["source"] for v in versions}
    assert storage == {"2025-12-01": "incidents", "2026-09-01": "samples", "2027-01-01": "samples"}
    compute_terms = {v["effective"]: next(s for s in v["services"] if s["id"] == "compute")["credits"] for v in versions}
    assert {"below": 99, "credit": 30} in compute_terms["2027-01-01"] and {"below": 99, "credit": 25} in compute_terms["2025-12-01"]


def test_the_plan_page_and_the_feed_say_what_each_revision_changed(example: Path):
    business = (example / "plans" / "business" / "index.html").read_text()
    assert "Nimbus DNS: objective 99.5% → 99.95%" in business
    assert "Nimbus Compute: objective 99.5% → 99.9%" in business
    assert "In force from <time datetime=\"2025-12-01\">December 1, 2025</time>" in business
    enterprise = (example / "plans" / "enterprise" / "index.html").read_text()
    assert "<strong>Upcoming:</strong> takes effect on <time datetime=\"2027-01-01\">January 1, 2027</time>" in enterprise
    assert "Nimbus Compute: credit below 99%: 25% → 30%" in enterprise
    feed = load_json(example / "feed.json")
    item = next(i for i in feed["items"] if i["id"].endswith("/plans/enterprise/#revision-2026-11-16"))
    # An upcoming change is an item on the day it was published, saying when it takes effect.
    assert item["date_published"] == "2026-11-16T00:00:00Z"
    assert item["_sla"]["effective"] == "2027-01-01" and item["_sla"]["upcoming"] is True
    assert "Nimbus Compute: credit below 99%: 25% → 30%" in item["_sla"]["changes"]
    note = next(i for i in feed["items"] if i["id"].endswith("/plans/business/#revision-2026-04-07"))
    assert "effective" not in note["_sla"], "a note changes no terms"


def test_version_pages_show_full_terms_standing_and_neighbours(example: Path):
    old = (example / "plans" / "business" / "versions" / "2025-10-01" / "index.html").read_text()
    assert "Superseded on December 1, 2025" in old
    assert "<th scope=\"row\">Objective</th><td>99.5% monthly uptime</td>" in old
    assert 'href="/plans/business/versions/2025-12-01/"' in old and "Earlier terms" not in old
    new = (example / "plans" / "business" / "versions" / "2025-12-01" / "index.html").read_text()
    assert "These terms are in force now." in new
    assert "<th scope=\"row\">Objective</th><td>99.95% monthly uptime</td>" in new  # DNS
    assert 'href="/plans/business/versions/2025-10-01/"' in new
    upcoming = (example / "plans" / "enterprise" / "versions" / "2027-01-01" / "index.html").read_text()
    assert "Upcoming: these terms take effect on January 1, 2027." in upcoming
    assert "10% below 99.95%, 30% below 99%, 100% below 95%" in upcoming
    # A plan with one version has no version pages.
    assert not (example / "plans" / "free" / "versions").exists()
    sitemap = (example / "sitemap.xml").read_text()
    assert "/plans/enterprise/versions/2027-01-01/" in sitemap
