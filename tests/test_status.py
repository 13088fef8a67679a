"""Issue 16 on the real binary's output of the example site (--now 2026-11-24T00:00:00Z):
the incident timeline and what an incident counted, the status page's headline, states and
90-day bars, and /status.json against its schema. Pages are parsed, JSON read with json and
validated with jsonschema.

Hand-worked figures: the Object Storage LIST incident of November 10, 2026 is a partial outage
from 14:00 to 2:50\u202fPM UTC (50 minutes) that counts in every plan covering Object Storage (Free,
Business, Enterprise) at the default partial weight 0.3: 50 × 0.3 = 15.0 minutes, the only
downtime of Object Storage in November so far. The DNS propagation incident (degraded, weight
0, open since 23 November 9:40\u202fPM UTC) is the only incident open at *now*.
"""
import json
import os
from html.parser import HTMLParser

import jsonschema

from test_pages import site  # noqa: F401  (fixture)


class Collect(HTMLParser):
    """Text of every element whose class list holds `cls` (and of its rows/cells/items)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, classes)
        self.items = []  # (tag, classes, text, ancestors' classes)
        self.open = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        self.stack.append((tag, classes, dict(attrs)))
        self.open.append([tag, classes, "", [c for _, cs, _ in self.stack[:-1] for c in cs], dict(attrs)])

    def handle_endtag(self, tag):
        while self.stack:
            t, _, _ = self.stack.pop()
            item = self.open.pop()
            self.items.append(tuple(item))
            if t == tag:
                break

    def handle_data(self, data):
        for item in self.open:
            item[2] += data

    def texts(self, tag, inside=None, cls=None):
        # Items close in document order for elements without nested matches (the ones asked for).
        return [" ".join(text.split()) for t, classes, text, ancestors, _ in self.items
                if t == tag and (inside is None or inside in ancestors) and (cls is None or cls in classes)]


def page(site, path):  # noqa: F811
    with open(os.path.join(site, path, "index.html"), encoding="utf-8") as f:
        return f.read()


def rows(html, table_class):
    """Rows of `table.<table_class>` bodies as lists of cell texts, in document order."""
    class Rows(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.depth = 0
            self.rows, self.row, self.cell, self.inside = [], None, None, False

        def handle_starttag(self, tag, attrs):
            if tag == "table" and table_class in (dict(attrs).get("class") or "").split():
                self.inside = True
            elif self.inside and tag == "tbody":
                self.depth = 1
            elif self.depth and tag == "tr":
                self.row = []
            elif self.row is not None and tag in ("td", "th"):
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.row.append(" ".join(self.cell.split()))
                self.cell = None
            elif tag == "tr" and self.row is not None:
                self.rows.append(self.row)
                self.row = None
            elif tag == "table" and self.inside:
                self.inside, self.depth = False, 0

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    r = Rows()
    r.feed(html)
    return r.rows


def test_the_incident_timeline_is_newest_first_in_the_site_zone(site):  # noqa: F811
    html = page(site, "incidents/2026-11-10-object-storage-elevated-errors")
    p = Collect(html)
    heads = [t for t in p.texts("p", cls="update-head")]
    # Posted oldest first at 14:08, 14:26, 14:41, 2:50\u202fPM UTC; London is on GMT in November.
    # CLDR `en` writes a 12-hour time (with a narrow no-break space, which the text here reads
    # as a space) and the long date month first.
    assert heads == [
        "Resolved · November 10, 2026, 2:50 PM GMT",
        "Monitoring · November 10, 2026, 2:41 PM GMT",
        "Identified · November 10, 2026, 2:26 PM GMT",
        "Investigating · November 10, 2026, 2:08 PM GMT",
    ]
    assert "Times are in the Europe/London time zone." in html
    # Notes are Markdown: `LIST` is code.
    assert "<code>LIST</code> requests are back to normal." in html


def test_what_an_incident_counted_is_read_off_the_figures(site):  # noqa: F811
    html = page(site, "incidents/2026-11-10-object-storage-elevated-errors")
    table = rows(html, "counted")
    # 50 minutes × 0.3 = 15.0 minutes on Free and Business; November is not over: no verdict, no
    # credit yet. Enterprise measures Object Storage by request samples from September 2026
    # (content/plans/enterprise.md): incidents count nothing there (docs/spec.md §3), and the row says so.
    assert table == [
        ["Free", "November 2026", "15.0 min", "Counted at 30% weight", "No objective", "— (month in progress)"],
        ["Business", "November 2026", "15.0 min", "Counted at 30% weight", "On track so far", "— (month in progress)"],
        ["Enterprise", "November 2026", "0.0 min", "Not counted: Downtime is measured by request samples this month",
         "On track so far", "— (month in progress)"],
        # Team is judged per quarter (docs/spec.md §3 Periods): the month is information only.
        ["Team", "November 2026", "15.0 min", "Counted at 30% weight", "Judged with Q4 2026", "— (judged with Q4 2026)"],
    ]
    with open(os.path.join(site, "sla.json"), encoding="utf-8") as f:
        sla = json.load(f)
    # The same number as the month's downtime in sla.json (the only incident of the month).
    for plan in sla["plans"]:
        for service in plan["services"]:
            if service["id"] == "object-storage":
                assert service["months"][-1]["month"] == "2026-11"
                # Enterprise's November comes from its samples: 2.5 min (docs/example-credits.md).
                expected = 2.5 if plan["id"] == "enterprise" else 15.0
                assert service["months"][-1]["downtime_minutes"] == expected
    # The degraded DNS incident counts 0 minutes, and says why.
    dns = rows(page(site, "incidents/2026-11-23-dns-propagation-delays"), "counted")
    assert dns and all(r[2] == "0.0 min" and r[3] == "Weight 0: not counted as downtime" for r in dns)


def test_the_status_page_headline_states_and_latest_update(site):  # noqa: F811
    html = page(site, "status")
    p = Collect(html)
    assert p.texts("p", cls="headline-main") == ["Degraded performance: Nimbus DNS"]
    states = p.texts("span", inside="service-states", cls="state")
    assert states == ["Operational", "Operational", "Operational", "Degraded performance"]
    latest = p.texts("div", cls="latest")
    assert len(latest) == 1
    assert latest[0].startswith("Latest update: Identified · November 23, 2026, 11:10 PM GMT")


class Strips(HTMLParser):
    """Every 90-day strip of a page: the picture's role and accessible name, its bars (class
    and the words a bar shows on hover), and the items of the list of days under it."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.strips = []
        self.where = None  # "bars" inside the picture, "list" inside the list of days
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "div" and "days" in classes:
            self.strips.append({"role": a.get("role"), "name": a.get("aria-label"), "bars": [], "listed": []})
            self.where = "bars"
        elif self.where == "bars" and tag == "i":
            self.strips[-1]["bars"].append((a.get("class") or "", a.get("data-day")))
        elif self.where == "bars":
            self.strips[-1]["bars"].append(("unexpected " + tag, None))
        elif tag == "details" and "days-list" in classes:
            self.where = "list"
        elif self.where == "list" and tag == "li":
            self.strips[-1]["listed"].append("")

    def handle_endtag(self, tag):
        if (self.where == "bars" and tag == "div") or (self.where == "list" and tag == "details"):
            self.where = None

    def handle_data(self, data):
        if self.where == "bars" and data.strip():
            self.strips[-1]["bars"].append(("text " + data, None))
        elif self.where == "list" and self.strips[-1]["listed"]:
            self.strips[-1]["listed"][-1] += data


def test_the_90_day_bars_are_one_picture_named_in_words(site):  # noqa: F811
    """Issue 23: a strip is 90 empty bars with one-letter classes inside one role="img" whose
    accessible name names each day with downtime and its minutes and counts the rest."""
    # 90 days up to November 24, 2026 (London): 27 August is day 0, 10 November day 75
    # (5 days of August, 30 of September, 31 of October, then 10), 13 October day 47.
    [strip] = Strips(page(site, "plans/business/object-storage")).strips
    assert strip["role"] == "img"
    assert len(strip["bars"]) == 90
    # The LIST incident: 50 min × 0.3 = 15.0 min, orange (10 ≤ 15.0 < 60); every other day green.
    assert strip["bars"][75] == ("m", f"November 10, 2026: 15.0 min downtime")
    assert all(bar == ("", None) for i, bar in enumerate(strip["bars"]) if i != 75)
    assert strip["name"] == (
        "Downtime per day, 90 days: Nimbus Object Storage, Business plan. August 27, 2026 to November 24, 2026: "
        f"no downtime on 89 days; November 10, 2026: 15.0 min downtime.")
    assert strip["listed"] == [f"November 10, 2026: 15.0 min downtime"]

    # DNS resolution outage, 13 October 16:41–4:53\u202fPM UTC, major (weight 1.0): 12.0 min in every plan.
    for plan in ["free", "business", "enterprise"]:
        [dns] = Strips(page(site, f"plans/{plan}/dns")).strips
        assert dns["bars"][47] == ("m", f"October 13, 2026: 12.0 min downtime")
        assert dns["name"].endswith(f": no downtime on 89 days; October 13, 2026: 12.0 min downtime.")

    # Enterprise measures Object Storage by the mean error rate of 5-minute intervals (from
    # September 1, 2026): a day's downtime is the sum of rate × 5 min over its intervals.
    # 7 October: 400, 900, 1500, 2000, 2000, 2000, 1800, 1000, 300 errors of 2000 →
    # (0.2 + 0.45 + 0.75 + 1 + 1 + 1 + 0.9 + 0.5 + 0.15) × 5 = 29.75, + 1/5000 × 5 = 0.001
    # from the noon row → 29.8 min (red needs 60: orange). 10 November: 10 × 150/3000 × 5 =
    # 2.5, + 0.001 → 2.5 min (under 10: yellow). Other days: 0.001 min, shown 0.0 → green.
    [samples] = Strips(page(site, "plans/enterprise/object-storage")).strips
    assert [(i, bar) for i, bar in enumerate(samples["bars"]) if bar != ("", None)] == [
        (41, ("m", f"October 7, 2026: 29.8 min downtime")), (75, ("l", f"November 10, 2026: 2.5 min downtime"))]
    assert samples["name"] == (
        "Downtime per day, 90 days: Nimbus Object Storage, Enterprise plan. August 27, 2026 to November 24, 2026: "
        f"no downtime on 88 days; October 7, 2026: 29.8 min downtime; November 10, 2026: 2.5 min downtime.")
    assert samples["listed"] == [f"November 10, 2026: 2.5 min downtime", f"October 7, 2026: 29.8 min downtime"]

    # A service without downtime in the 90 days says so in one clause.
    [compute] = Strips(page(site, "plans/business/compute")).strips
    assert compute["name"].endswith("August 27, 2026 to November 24, 2026: no downtime on 90 days.")
    assert len(compute["bars"]) == 90 and compute["listed"] == []


def test_the_status_page_strips_show_the_worst_plan_each_day(site):  # noqa: F811
    """The status page's strip of a service is the worst of its plans each day: Object Storage
    takes 15.0 min on 10 November (Free and Business, above Enterprise's 2.5) and 29.8 min on
    7 October (Enterprise only); November's days sum to November's downtime so far."""
    strips = Strips(page(site, "status")).strips
    assert [len(st["bars"]) for st in strips] == [90, 90, 90, 90]
    assert all(st["role"] == "img" for st in strips)
    storage = strips[1]
    assert storage["name"] == (
        "Downtime per day, 90 days: Nimbus Object Storage. August 27, 2026 to November 24, 2026: "
        f"no downtime on 88 days; October 7, 2026: 29.8 min downtime; November 10, 2026: 15.0 min downtime.")
    november = [words for _, words in storage["bars"][66:] if words]
    assert november == [f"November 10, 2026: 15.0 min downtime"]  # 15.0 = November's downtime (Business)
    assert strips[3]["name"].startswith("Downtime per day, 90 days: Nimbus DNS. ")
    assert strips[3]["listed"] == [f"October 13, 2026: 12.0 min downtime"]


def test_status_json_follows_its_schema_and_the_page(site):  # noqa: F811
    with open(os.path.join(site, "status.json"), encoding="utf-8") as f:
        doc = json.load(f)
    with open(os.path.join(site, "status.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    assert doc["generated_at"] == "2026-11-24T00:00:00Z"
    assert doc["status"] == "degraded"
    assert {s["id"]: s["status"] for s in doc["services"]} == {
        "compute": "operational", "object-storage": "operational", "managed-database": "operational", "dns": "degraded"}
    assert [(i["id"], i["impact"], i["status"]) for i in doc["open_incidents"]] == [
        ("2026-11-23-dns-propagation-delays", "degraded", "identified")]
    # A document the schema must refuse: an unknown state.
    bad = dict(doc, status="down")
    try:
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)
        raise AssertionError("the schema accepted an unknown status")
    except jsonschema.ValidationError:
        pass


def test_sla_json_carries_status_and_updates(site):  # noqa: F811
    with open(os.path.join(site, "sla.json"), encoding="utf-8") as f:
        sla = json.load(f)
    by_id = {i["id"]: i for i in sla["incidents"]}
    storage = by_id["2026-11-10-object-storage-elevated-errors"]
    assert storage["status"] == "resolved"
    assert [u["status"] for u in storage["updates"]] == ["investigating", "identified", "monitoring", "resolved"]
    assert storage["updates"][0]["at"] == "2026-11-10T14:08:00Z"
    assert storage["updates"][0]["note_html"].startswith("<p>We are investigating errors and timeouts on <code>LIST</code>")
    assert by_id["2026-11-23-dns-propagation-delays"]["status"] == "identified"
    assert by_id["2026-12-06-compute-database-maintenance"]["status"] == "scheduled"
    assert by_id["2026-12-06-compute-database-maintenance"]["updates"] == []
