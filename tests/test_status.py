"""Issue 16 on the real binary's output of the example site (--now 2026-11-24T00:00:00Z):
the incident timeline and what an incident counted, the status page's headline, states and
90-day bars, and /status.json against its schema. Pages are parsed, JSON read with json and
validated with jsonschema.

Hand-worked figures: the Object Storage LIST incident of 10 November 2026 is a partial outage
from 14:00 to 14:50 UTC (50 minutes) that counts in every plan covering Object Storage (Free,
Business, Enterprise) at the default partial weight 0.3: 50 × 0.3 = 15.0 minutes, the only
downtime of Object Storage in November so far. The DNS propagation incident (degraded, weight
0, open since 23 November 21:40 UTC) is the only incident open at *now*.
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


def in_order(html, tag, inside):
    """Texts of `tag` elements inside an element of class `inside`, in document order."""
    return Collect(html).texts(tag, inside=inside)


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
    # Posted oldest first at 14:08, 14:26, 14:41, 14:50 UTC; London is on GMT in November.
    assert heads == [
        "Resolved · 10 November 2026, 14:50 GMT",
        "Monitoring · 10 November 2026, 14:41 GMT",
        "Identified · 10 November 2026, 14:26 GMT",
        "Investigating · 10 November 2026, 14:08 GMT",
    ]
    assert "Times are in the Europe/London time zone." in html
    # Notes are Markdown: `LIST` is code.
    assert "<code>LIST</code> requests are back to normal." in html


def test_what_an_incident_counted_is_read_off_the_figures(site):  # noqa: F811
    html = page(site, "incidents/2026-11-10-object-storage-elevated-errors")
    table = rows(html, "counted")
    # 50 minutes × 0.3 = 15.0 minutes on Free and Business; November is not over: no verdict, no
    # credit yet. Enterprise measures Object Storage by request samples from September 2026
    # (content/plans/enterprise.md): incidents count nothing there (SPEC §3), and the row says so.
    assert table == [
        ["Free", "November 2026", "15.0 min", "Counted at 30 % weight", "No objective", "— (month in progress)"],
        ["Business", "November 2026", "15.0 min", "Counted at 30 % weight", "On track so far", "— (month in progress)"],
        ["Enterprise", "November 2026", "0.0 min", "Not counted: Downtime is measured by request samples this month",
         "On track so far", "— (month in progress)"],
        # Team is judged per quarter (docs/spec.md §3 Periods): the month is information only.
        ["Team", "November 2026", "15.0 min", "Counted at 30 % weight", "Judged with Q4 2026", "— (judged with Q4 2026)"],
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
    assert latest[0].startswith("Latest update: Identified · 23 November 2026, 23:10 GMT")


def test_the_90_day_bars_name_each_day_and_sum_to_the_month(site):  # noqa: F811
    html = page(site, "plans/business/object-storage")
    days = in_order(html, "span", "days")
    assert len(days) == 90
    # 90 days up to 24 November 2026: from 27 August.
    assert days[0].startswith("27 August 2026: ") and days[-1].startswith("24 November 2026: ")
    assert "10 November 2026: 15.0 min downtime" in days
    november = [d for d in days if " November 2026: " in d]
    minutes = [float(d.split(": ")[1].split(" ")[0]) for d in november if "min downtime" in d]
    assert sum(minutes) == 15.0  # November's downtime so far (sla.json above)
    # The status page's strip for Object Storage is the worst plan each day: the same 15.0.
    status = page(site, "status")
    assert status.count("10 November 2026: 15.0\u00a0min downtime") == 2  # the bar and the list of days


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
