"""The HTML pages of docs/spec.md §4, checked on the real binary's output of the example site and the
injection fixture: headings, bullets, links, escaping, sitemap (issue 4)."""
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
NOW = "2026-11-24T00:00:00Z"
BASE = "https://sla.nimbus.example/"
# Produced by the feeds engineer's MachineOutputs; linked from every page.
MACHINE_OUTPUTS = {"feed.json", "feed.xml"}


def ensure_binary():
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)


def build(source, out):
    ensure_binary()
    subprocess.run([BINARY, "build", "--source", source, "--output", str(out), "--now", NOW],
                   cwd=ROOT, check=True, capture_output=True)
    return str(out)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("site") / "public")


@pytest.fixture(scope="session")
def injection(tmp_path_factory):
    return build(os.path.join(ROOT, "Tests", "Fixtures", "injection"), tmp_path_factory.mktemp("inj") / "public")


class Page(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []  # (tag, attrs dict)
        self.headings = []  # (level, text)
        self.links = []  # (href, text, attrs)
        self.bullets = []  # text of li in ul.bullets
        self.ths = []
        self._stack = []
        self._text = {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "a", "li", "th"):
            self._stack.append((tag, attrs, len(self.tags)))
            self._text[len(self.tags)] = ""
        if tag == "th":
            self.ths.append(attrs)

    def handle_endtag(self, tag):
        for k in range(len(self._stack) - 1, -1, -1):
            t, attrs, key = self._stack[k]
            if t == tag:
                del self._stack[k]
                text = " ".join(self._text.pop(key).replace("\xa0", " ").split())
                if tag[0] == "h" and tag[1:].isdigit():
                    self.headings.append((int(tag[1]), text))
                elif tag == "a":
                    self.links.append((attrs.get("href"), text, attrs))
                elif tag == "li" and self._in_bullets(key):
                    self.bullets.append(text)
                break

    def _in_bullets(self, key):
        # The li's parent ul is the last ul opened before it.
        for tag, attrs in reversed(self.tags[:key - 1]):
            if tag == "ul":
                return "bullets" in attrs.get("class", "")
        return False

    def handle_data(self, data):
        for key in self._text:
            self._text[key] += data


def pages(folder):
    for d, _, files in os.walk(folder):
        for f in files:
            if f.endswith(".html"):
                path = os.path.join(d, f)
                yield os.path.relpath(path, folder), open(path, encoding="utf-8").read()


def read(folder, rel):
    return Page(open(os.path.join(folder, rel), encoding="utf-8").read())


def resolves(folder, href):
    target = urlparse(href).path.lstrip("/")
    if target in MACHINE_OUTPUTS and not os.path.exists(os.path.join(folder, target)):
        return True
    if target == "" or target.endswith("/"):
        target += "index.html"
    return os.path.isfile(os.path.join(folder, target))


def test_every_page_of_spec_section_4_exists(site):
    for rel in ["index.html", "terms/index.html", "status/index.html", "404.html", "sitemap.xml", "robots.txt",
                "plans/business/index.html", "plans/business/compute/index.html", "plans/free/dns/index.html",
                "incidents/2026-10-13-dns-resolution-outage/index.html"]:
        assert os.path.isfile(os.path.join(site, rel)), rel
    css = [f for f in os.listdir(os.path.join(site, "assets")) if re.fullmatch(r"style\.[0-9a-f]{12}\.css", f)]
    assert len(css) == 1


def test_every_page_is_semantic(site):
    for rel, text in pages(site):
        page = read(site, rel)
        assert [h for h in page.headings if h[0] == 1].__len__() == 1, rel
        tags = {t for t, _ in page.tags}
        assert {"header", "nav", "main", "footer"} <= tags, rel
        assert all(th.get("scope") in ("col", "row") for th in page.ths), rel
        links = [a for t, a in page.tags if t == "link"]
        types = {a.get("type"): a.get("href") for a in links if a.get("rel") == "alternate"}
        # Each language's pages name its own feeds (docs/spec.md §4 Languages).
        folder = rel.split("/")[0] + "/" if rel.split("/")[0] in ("de", "fr") else ""
        assert types.get("application/feed+json") == f"/{folder}feed.json", rel
        assert types.get("application/atom+xml") == f"/{folder}feed.xml", rel
        assert any(a.get("rel") == "canonical" and a.get("href", "").startswith(BASE) for a in links), rel
        # No external fonts, scripts or stylesheets.
        assert not any(t == "script" for t, _ in page.tags), rel
        assert all(a.get("href", "").startswith("/") for a in links if a.get("rel") == "stylesheet"), rel
        # Heading levels never skip on the way down.
        levels = [h[0] for h in page.headings]
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (rel, levels)


def test_no_broken_internal_link_anywhere(site):
    for rel, _ in pages(site):
        page = read(site, rel)
        hrefs = [h for h, _, _ in page.links] + [a.get("href") for t, a in page.tags if t == "link"]
        for href in hrefs:
            if href and href.startswith("/"):
                assert resolves(site, href), f"{rel} -> {href}"
            elif href and href.startswith(BASE):
                assert resolves(site, "/" + href[len(BASE):]), f"{rel} -> {href}"


def test_home_has_a_section_per_plan_comparison_and_contacts(site):
    page = read(site, "index.html")
    h2 = [t for lvl, t in page.headings if lvl == 2]
    assert h2[:3] == ["Free $0 / month", "Business From $49 / month", "Enterprise Contact sales"]
    assert "Compare plans" in h2 and "Contacts" in h2
    # Issue 17: the list is the provider's, not a promise that each step escalates the last.
    assert "escalates" not in open(os.path.join(site, "index.html"), encoding="utf-8").read()
    details = [(h, a.get("aria-label")) for h, t, a in page.links if t == "View full details"]
    assert [h for h, _ in details] == ["/plans/free/", "/plans/business/", "/plans/enterprise/", "/plans/team/"]
    # Issue 22: the Team plan is judged per quarter, and says so.
    assert "99.9% quarterly uptime: Nimbus Compute and Nimbus Object Storage" in page.bullets
    assert "Service credits from 10% up to 25% of the quarterly fee" in page.bullets
    assert "99.9% monthly uptime: Nimbus Compute, Nimbus Object Storage, and Nimbus Managed Database" in page.bullets
    assert "No uptime commitment: Nimbus Compute, Nimbus Object Storage, and Nimbus DNS" in page.bullets
    text = open(os.path.join(site, "index.html"), encoding="utf-8").read()
    assert "mailto:sla-claims@nimbus.example" in text


def test_home_names_a_change_published_ahead(site):
    # content/plans/enterprise.md has a revision effective 2027-01-01, after --now (2026-11-24):
    # its card says so beside the bullets of the terms in force, and links that version's page.
    page = read(site, "index.html")
    upcoming = [(h, t) for h, t, a in page.links if "/versions/" in (h or "")]
    assert upcoming == [("/plans/enterprise/versions/2027-01-01/", "new terms from January 1, 2027")]
    assert resolves(site, upcoming[0][0])


def test_plan_page_bullets_in_plain_words(site):
    page = read(site, "plans/business/index.html")
    assert page.headings[0] == (1, "Business")
    h2 = [t for lvl, t in page.headings if lvl == 2]
    assert h2[:4] == ["Nimbus Compute", "Nimbus Object Storage", "Nimbus Managed Database", "Nimbus DNS"]
    assert "Revisions" in h2
    for bullet in ["99.9% monthly uptime", "up to 43.8 minutes of downtime a month",
                   "10% credit below 99.9%, 25% below 99%, 50% below 95%",
                   "critical issues: response within 1 hour, 24×7", "99.95% monthly uptime",
                   "up to 21.9 minutes of downtime a month"]:
        assert bullet in page.bullets, bullet
    links = [h for h, t, _ in page.links if t == "View full details"]
    assert links == ["/plans/business/compute/", "/plans/business/object-storage/",
                     "/plans/business/managed-database/", "/plans/business/dns/"]
    assert all(resolves(site, h) for h in links)


def test_every_view_full_details_link_resolves(site):
    count = 0
    for rel, _ in pages(site):
        for href, text, _ in read(site, rel).links:
            if text == "View full details":
                count += 1
                assert resolves(site, href), f"{rel} -> {href}"
    assert count >= 3 + 11


def test_details_page_history_matches_sla_json(site):
    import json
    sla = json.load(open(os.path.join(site, "sla.json")))
    plan = next(p for p in sla["plans"] if p["id"] == "business")
    service = next(s for s in plan["services"] if s["id"] == "compute")
    text = open(os.path.join(site, "plans/business/compute/index.html"), encoding="utf-8").read()
    rows = re.findall(r'<tr class="row-[a-z-]+"><th scope="row"><time datetime="(\d{4}-\d\d)">[^<]+</time></th>'
                      r'<td class="num">([0-9.]+)%(?:<sup>\*</sup>)?</td><td class="num">([0-9.]+) min</td>', text)
    assert [(m["month"], m["uptime"], m["downtime_minutes"]) for m in service["months"]] == \
        [(m, float(u), float(d)) for m, u, d in rows]
    missed = sum(1 for m in service["months"] if m["final"] and m["met"] is False)
    assert missed >= 1
    assert text.count(">missed</text>") == missed
    assert "<svg" in text and "<title id=\"chart-title\">" in text and "<desc id=\"chart-desc\">" in text
    page = read(site, "plans/business/compute/index.html")
    h2 = [t for lvl, t in page.headings if lvl == 2]
    for heading in ["Monthly history", "Service credits", "Support", "Exclusions"]:
        assert heading in h2
    assert "How to claim" in [t for lvl, t in page.headings if lvl == 3]
    assert "within 30 days" in text


class Table(HTMLParser):
    """The rows of the first table with class `cls`: each a list of cell texts (th and td)."""

    def __init__(self, text, cls):
        super().__init__(convert_charrefs=True)
        self.cls, self.rows, self._in, self._cell = cls, [], False, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and self.cls in attrs.get("class", "").split() and not self.rows:
            self._in = True
        elif self._in and tag == "tr":
            self.rows.append([])
        elif self._in and tag in ("th", "td"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self._in = False
        elif self._in and tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append(" ".join(self._cell.replace("\xa0", " ").split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_details_page_of_a_level_measured_by_samples(site):
    """Issue 15: Enterprise measures Object Storage by request samples from September 2026
    (docs/example-credits.md): the page says how, from the terms, and the history names each
    month's source, with an error_rate month's mean error rate."""
    import json
    text = open(os.path.join(site, "plans/enterprise/object-storage/index.html"), encoding="utf-8").read()
    rows = Table(text, "history").rows
    assert rows[0][-1] == "Source"
    by_month = {r[0]: r for r in rows[1:]}
    assert by_month["August 2026"][-1] == "Incidents"
    assert by_month["January 2026"][-1] == "Measured"
    # October: 100 − 99.933376… = 0.066624… % → 0.067%.
    assert by_month["October 2026"][-1] == "Request samples: mean error rate 0.067%"
    assert by_month["October 2026"][1:3] == ["99.933%", "29.8 min"]
    sla = json.load(open(os.path.join(site, "sla.json")))
    service = next(s for p in sla["plans"] if p["id"] == "enterprise" for s in p["services"] if s["id"] == "object-storage")
    assert [m["source"] for m in service["months"]] == \
        ["measurements" if r[-1] == "Measured" else "samples" if r[-1].startswith("Request samples") else "incidents"
         for r in rows[1:]]
    page = read(site, "plans/enterprise/object-storage/index.html")
    assert "How downtime is measured" in [t for lvl, t in page.headings if lvl == 2]
    assert "Monthly uptime is 100% minus the mean error rate of the month\u2019s 5-minute intervals." in text.replace("\xa0", " ")
    # A level measured by incidents keeps its table as it was: no source column.
    business = Table(open(os.path.join(site, "plans/business/object-storage/index.html"), encoding="utf-8").read(), "history").rows
    assert business[0][-1] == "Figures"
    # The plan page names the change of rule among the version's changes.
    plan = open(os.path.join(site, "plans/enterprise/index.html"), encoding="utf-8").read()
    assert "Nimbus Object Storage: Downtime measured by incidents → by the mean error rate of 5-minute intervals" in plan.replace("\xa0", " ")
    # The Object Storage incident of 10 November affects all three plans; it counts on Free and
    # Business, and 0 on Enterprise, whose November is measured by samples (its table says why).
    incident = read(site, "incidents/2026-11-10-object-storage-elevated-errors/index.html")
    plans = [t for href, t, _ in incident.links if href and "/object-storage/" in href and href.startswith("/plans/")]
    assert plans[:3] == ["Free", "Business", "Enterprise"]
    # The version that made the change says how, from its terms; the one before does not.
    version = open(os.path.join(site, "plans/enterprise/versions/2026-09-01/index.html"), encoding="utf-8").read()
    assert "How Downtime is measured" in version and "mean error rate of the month\u2019s 5-minute intervals" in version
    assert "How Downtime is measured" not in open(os.path.join(site, "plans/enterprise/versions/2025-12-01/index.html"), encoding="utf-8").read()


def test_status_page_shows_current_month_and_incidents(site):
    text = open(os.path.join(site, "status/index.html"), encoding="utf-8").read()
    page = read(site, "status/index.html")
    h2 = [t for lvl, t in page.headings if lvl == 2]
    assert h2.index("Open incidents") < h2.index("Recent incidents")
    assert "November 2026 so far" in h2
    assert "Month&#39;s budget left" in text and "Uptime so far" in text
    assert "/incidents/2026-11-10-object-storage-elevated-errors/" in text
    assert "/incidents/2026-12-06-compute-database-maintenance/" in text  # scheduled


def test_incident_page_names_the_zone(site):
    text = open(os.path.join(site, "incidents/2026-10-13-dns-resolution-outage/index.html"), encoding="utf-8").read()
    page = read(site, "incidents/2026-10-13-dns-resolution-outage/index.html")
    assert page.headings[0] == (1, "DNS resolution failures for hosted zones")
    # 16:41Z is 17:41 in London summer time.
    assert "October 13, 2026, 5:41\u202fPM GMT+1" in text and "Europe/London" in text
    assert "12 minutes" in text
    assert "/plans/business/dns/" in [h for h, _, _ in page.links]


def test_sitemap_and_robots(site):
    tree = ET.parse(os.path.join(site, "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [u.find("s:loc", ns).text for u in tree.getroot().findall("s:url", ns)]
    html_pages = [rel for rel, _ in pages(site) if not rel.endswith("404.html")]
    assert len(locs) == len(html_pages) == len(set(locs))
    for loc in locs:
        assert loc.startswith(BASE) and resolves(site, "/" + loc[len(BASE):])
    for u in tree.getroot().findall("s:url", ns):
        lastmod = u.find("s:lastmod", ns)
        assert lastmod is None or lastmod.text <= NOW[:10]
    robots = open(os.path.join(site, "robots.txt")).read()
    assert f"Sitemap: {BASE}sitemap.xml" in robots


def test_same_input_gives_byte_identical_pages(site, tmp_path):
    again = build(ROOT, tmp_path / "again")
    for rel, text in pages(site):
        assert open(os.path.join(again, rel), encoding="utf-8").read() == text, rel


def test_default_theme_is_embedded_up_to_date():
    subprocess.run(["python3", os.path.join(ROOT, "scripts", "embed-theme.py"), "--check"], check=True)


def test_injection_never_reaches_a_page_as_markup(injection):
    seen = 0
    for rel, text in pages(injection):
        page = read(injection, rel)
        for tag, attrs in page.tags:
            assert tag not in ("script", "iframe", "img", "object", "embed"), (rel, tag)
            for name, value in attrs.items():
                assert not name.startswith("on"), (rel, tag, name)
                if name in ("href", "src") and value:
                    assert not value.strip().lower().startswith("javascript:"), (rel, value)
        if "<script>alert(" in " ".join(t for _, t in page.headings):
            seen += 1
    # The hostile titles are shown, as text.
    assert seen >= 4
    home = open(os.path.join(injection, "index.html"), encoding="utf-8").read()
    assert "}}{{ mustache-like name {{{raw}}}" in home


def test_no_empty_paragraphs(site):
    """A section guarded by a value that turned out empty must not leave an empty element."""
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                assert not re.search(r"<p[^>]*>\s*</p>", text), os.path.join(folder, name)


def test_quarterly_chart_describes_quarters(site):
    # Issue 22 (found in the #24 review): the Team plan is judged per quarter, and its chart's
    # text alternative spoke of months ("5 months of uptime ... Circles mark months") while its
    # points are quarters. The chart of content/plans/team.md's Compute has one point per judged
    # quarter: Q4 2025 (the plan's first whole quarter) to Q4 2026 (in progress) = 5 points,
    # 4 final quarters met and none missed.
    import re
    html = open(os.path.join(site, "plans/team/compute/index.html"), encoding="utf-8").read()
    svg = re.search(r'<svg class="chart".*?</svg>', html, re.S).group(0)
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
    axis = re.findall(r'<text class="chart-axis"[^>]*>(Q[1-4])</text>', svg)
    assert axis == ["Q4", "Q1", "Q2", "Q3", "Q4"]
    assert desc.startswith(f"{len(axis)} quarters of uptime, objective 99.9%; 0 final quarters missed the objective.")
    assert "quarter in progress" in desc and "month" not in desc
    # A monthly plan keeps its months.
    monthly = open(os.path.join(site, "plans/business/compute/index.html"), encoding="utf-8").read()
    assert re.search(r"<desc[^>]*>\d+ months of uptime", monthly)



def test_a_plan_that_came_later_is_not_affected_by_an_earlier_incident(site):
    # The lon-2 outage of 14 October 2025 happened before the Free and Enterprise plans took
    # effect (1 December 2025): the incident page names only the plans whose months it fell in,
    # the ones its "What it counted" table shows, and the Free plan's Compute page does not list
    # it among the incidents affecting the service (docs/outputs.md).
    rel = "incidents/2025-10-14-compute-network-degradation/index.html"
    page = read(site, rel)
    plan_links = [h for h, _, _ in page.links if re.fullmatch(r"/plans/[a-z-]+/compute/", h or "")]
    assert plan_links == ["/plans/business/compute/", "/plans/team/compute/"] * 2  # the list, then the table
    free = open(os.path.join(site, "plans/free/compute/index.html"), encoding="utf-8").read()
    business = open(os.path.join(site, "plans/business/compute/index.html"), encoding="utf-8").read()
    assert "/incidents/2025-10-14-compute-network-degradation/" not in free
    assert "/incidents/2025-10-14-compute-network-degradation/" in business
