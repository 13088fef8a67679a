"""`slasite import prometheus` against a real Prometheus (issue #15, points 3 and 4).

Counters for October 2026 are written in OpenMetrics text, backfilled with
`promtool tsdb create-blocks-from openmetrics`, and served by Debian's `prometheus` on a free
loopback port. The import's rows are compared with rows written out by hand below.
"""
import calendar
import datetime
import http.server
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from html.parser import HTMLParser

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "slasite")

TOTAL = 'sum(round(increase(http_requests_total[1m])))'
ERRORS = 'sum(round(increase(http_requests_total{code=~"5.."}[1m])))'


def ts(text):
    """Seconds since 1970 of a UTC time written 2026-10-01T00:04:30."""
    return calendar.timegm(datetime.datetime.fromisoformat(text).timetuple())


# What happened, minute by minute: {minute start: (successful requests, failed requests)}.
# Each minute's requests appear in the scrape at :30 of that minute, so a scrape every 15 s
# at :00, :15, :30, :45 sees them inside the minute, never at its edges.
TRAFFIC = {}
# Span A: one rise of 3 requests inside 00:04–00:05 on Oct 1 (the alignment case).
TRAFFIC[ts("2026-10-01T00:04:00")] = (3, 0)
# Span B, across the first join of the split (the 10,001st row starts 2026-10-07T22:40):
# 22:00–22:59 with 100 requests a minute; 22:10 with 5 % errors; 22:20 with 50 requests,
# all failed; 22:30–22:49 with 10 % errors.
for m in range(60):
    t = ts("2026-10-07T22:00:00") + 60 * m
    TRAFFIC[t] = (100, 0)
TRAFFIC[ts("2026-10-07T22:10:00")] = (95, 5)
TRAFFIC[ts("2026-10-07T22:20:00")] = (0, 50)
for m in range(30, 50):
    TRAFFIC[ts("2026-10-07T22:00:00") + 60 * m] = (90, 10)
# Span C, across the second join (the 20,001st row starts 2026-10-14T21:20): 21:15–21:24 with
# 100 + i requests, half of them failed at 21:19 and 21:20.
for i in range(10):
    t = ts("2026-10-14T21:15:00") + 60 * i
    total = 100 + i
    failed = total // 2 if i in (4, 5) else 0
    TRAFFIC[t] = (total - failed, failed)
# Span D: the month's last minute, every request failed; and one minute of November.
TRAFFIC[ts("2026-10-31T23:59:00")] = (0, 100)
TRAFFIC[ts("2026-11-01T00:02:00")] = (100, 0)

# Where the counters have samples (every 15 s, both ends included).
SPANS = [
    ("2026-10-01T00:00:00", "2026-10-01T00:30:00"),
    ("2026-10-07T21:50:00", "2026-10-07T23:10:00"),
    ("2026-10-14T21:10:00", "2026-10-14T21:30:00"),
    ("2026-10-31T23:50:00", "2026-11-01T00:10:00"),
]


def openmetrics():
    lines = ["# TYPE http_requests_total counter", "# HELP http_requests_total Requests by status code."]
    for code, index in (("200", 0), ("500", 1)):
        for start, end in SPANS:
            for t in range(ts(start), ts(end) + 1, 15):
                value = sum(counts[index] for m, counts in TRAFFIC.items() if m + 30 <= t)
                lines.append(f'http_requests_total{{code="{code}"}} {value} {t}')
    # A counter scraped at :05, :20, :35, :50 that rises by 3 inside 00:04–00:05: increase()
    # sees the rise over 45 s of samples and extrapolates it to the minute.
    lines += ["# TYPE jitter_requests_total counter", "# HELP jitter_requests_total Requests."]
    for t in range(ts("2026-10-01T00:00:05"), ts("2026-10-01T00:30:00"), 15):
        lines.append(f"jitter_requests_total {3 if t > ts('2026-10-01T00:04:30') else 0} {t}")
    lines.append("# EOF")
    return "\n".join(lines) + "\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def prometheus(tmp_path_factory):
    if shutil.which("prometheus") is None or shutil.which("promtool") is None:
        pytest.fail("prometheus and promtool are needed (Debian's prometheus package; `make test-deps` installs it)")
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    work = tmp_path_factory.mktemp("prometheus")
    (work / "data.om").write_text(openmetrics())
    subprocess.run(
        ["promtool", "tsdb", "create-blocks-from", "openmetrics", str(work / "data.om"), str(work / "tsdb")],
        check=True, capture_output=True)
    (work / "prometheus.yml").write_text("global:\n  scrape_interval: 1h\n")
    port = free_port()
    log = open(work / "prometheus.log", "wb")
    # The backfilled blocks lie in 2026-10: keep them whatever the clock says (default retention is 15 d).
    server = subprocess.Popen(
        ["prometheus", f"--config.file={work / 'prometheus.yml'}", f"--storage.tsdb.path={work / 'tsdb'}",
         "--storage.tsdb.retention.time=100y", f"--web.listen-address=127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/-/ready", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if server.poll() is not None or time.time() > deadline:
            server.kill()
            pytest.fail("prometheus did not start: " + (work / "prometheus.log").read_text()[-2000:])
        time.sleep(0.2)
    yield url
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


PLAN = """---
title: Pro
summary: For production.
effective: 2026-10-01
uptime: 99.95
credits:
  - {below: 99.95, credit: 10}
  - {below: 99.0, credit: 25}
services:
  api: {}
---
Pro terms.
"""


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "content" / "services").mkdir(parents=True)
    (root / "content" / "plans").mkdir()
    (root / "site.yaml").write_text(
        "title: Example SLAs\nprovider: Example Cloud\nbase_url: https://sla.example.com/\ntimezone: UTC\n")
    (root / "content" / "terms.md").write_text("---\ntitle: Terms\n---\nTerms.\n")
    (root / "content" / "services" / "api.md").write_text(
        "---\ntitle: API\nsummary: The API.\nmeasurement: Requests answered with a 5xx status fail.\n---\nThe API.\n")
    (root / "content" / "plans" / "pro.md").write_text(PLAN)
    return root


def samples(site):
    return site / "content" / "status" / "samples" / "api.csv"


def run_import(site, url, *extra, total=TOTAL, errors=ERRORS, start="2026-10-01", end="2026-10-31"):
    args = [BINARY, "import", "prometheus", "--source", str(site), "--url", url, "--service", "api",
            "--total", total, "--errors", errors, "--from", start, "--to", end, *extra]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


# The rows of October 2026, by hand from the story above (one row per minute with requests).
EXPECTED_OCTOBER = (
    ["2026-10-01T00:04:00Z,3,0"]
    + [f"2026-10-07T22:{m:02d}:00Z,{t},{e}" for m in range(60)
       for t, e in [(100, 5) if m == 10 else (50, 50) if m == 20 else (100, 10) if 30 <= m < 50 else (100, 0)]]
    + ["2026-10-14T21:15:00Z,100,0", "2026-10-14T21:16:00Z,101,0", "2026-10-14T21:17:00Z,102,0",
       "2026-10-14T21:18:00Z,103,0", "2026-10-14T21:19:00Z,104,52", "2026-10-14T21:20:00Z,105,52",
       "2026-10-14T21:21:00Z,106,0", "2026-10-14T21:22:00Z,107,0", "2026-10-14T21:23:00Z,108,0",
       "2026-10-14T21:24:00Z,109,0"]
    + ["2026-10-31T23:59:00Z,100,100"]
)


def test_a_month_imports_in_split_requests_and_again_changes_nothing(site, prometheus):
    proc = run_import(site, prometheus)
    assert proc.returncode == 0, proc.stderr
    # 44,640 minutes in windows of at most 10,000 points: 5 windows × 2 queries = 10 requests.
    assert proc.stdout == (
        "content/status/samples/api.csv: 72 rows from 2026-10-01T00:00:00Z to 2026-11-01T00:00:00Z"
        " (10 requests): 72 added, 0 replaced, 0 removed, 0 kept\n"), proc.stdout
    assert proc.stderr == ""
    assert len(EXPECTED_OCTOBER) == 1 + 60 + 10 + 1
    assert samples(site).read_text() == "start,total,errors\n" + "".join(r + "\n" for r in EXPECTED_OCTOBER)
    before = samples(site).read_bytes(), samples(site).stat().st_mtime_ns
    again = run_import(site, prometheus)
    assert again.returncode == 0, again.stderr
    assert again.stdout == (
        "content/status/samples/api.csv unchanged: 72 rows from 2026-10-01T00:00:00Z to 2026-11-01T00:00:00Z"
        " (10 requests), 0 kept\n")
    assert (samples(site).read_bytes(), samples(site).stat().st_mtime_ns) == before
    # No temporary file is left beside it.
    assert os.listdir(samples(site).parent) == ["api.csv"]


def test_a_rise_inside_one_minute_lands_in_the_row_that_starts_that_minute(site, prometheus):
    # The counter rose between the scrapes at 00:04:15 and 00:04:30: increase(...[1m]) at 00:05
    # counts it, and that value is the interval 00:04–00:05. The rows before and after are empty.
    proc = run_import(site, prometheus, start="2026-10-01T00:00:00Z", end="2026-10-01T00:10:00Z")
    assert proc.returncode == 0, proc.stderr
    assert samples(site).read_text() == "start,total,errors\n2026-10-01T00:04:00Z,3,0\n"
    # A range in the site's zone, given as local times: the same minute.
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("timezone: UTC", "timezone: Europe/Berlin"))
    samples(site).unlink()
    proc = run_import(site, prometheus, start="2026-10-01T02:04", end="2026-10-01T02:05")
    assert proc.returncode == 0, proc.stderr
    assert samples(site).read_text() == "start,total,errors\n2026-10-01T00:04:00Z,3,0\n"


def test_an_errors_query_that_matches_no_series_means_no_errors(site, prometheus):
    # Before the first failure there is no 5xx series at all: the answer is empty, not zeros.
    proc = run_import(site, prometheus, errors='sum(round(increase(http_requests_total{code="404"}[1m])))', **SHORT)
    assert proc.returncode == 0, proc.stderr
    assert samples(site).read_text() == "start,total,errors\n2026-10-01T00:04:00Z,3,0\n"


def test_rows_outside_the_range_are_kept_and_rows_inside_replaced(site, prometheus):
    samples(site).parent.mkdir(parents=True)
    samples(site).write_text(
        "start,total,errors\n"
        "2026-11-01T00:02:00+00:00,7,1\n"    # after the range: kept (written in UTC)
        "2026-10-01T00:04:00Z,999,0\n"       # replaced by 3,0
        "2026-10-02T12:00:00Z,5,5\n"         # in the range, no requests there in Prometheus: removed
        "2026-09-30T23:59:00Z,10,0\n")       # before the range: kept
    proc = run_import(site, prometheus)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.endswith(": 71 added, 1 replaced, 1 removed, 2 kept\n"), proc.stdout
    assert samples(site).read_text() == (
        "start,total,errors\n2026-09-30T23:59:00Z,10,0\n"
        + "".join(r + "\n" for r in EXPECTED_OCTOBER)
        + "2026-11-01T00:02:00Z,7,1\n")


def assert_refused(proc, site, *texts, before=None):
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    for text in texts:
        assert text in proc.stderr, proc.stderr
    assert proc.stderr.endswith("nothing was written\n"), proc.stderr
    if before is None:
        assert not samples(site).exists()
    else:
        assert samples(site).read_bytes() == before


SHORT = dict(start="2026-10-01T00:00:00Z", end="2026-10-01T00:10:00Z")


@pytest.mark.parametrize("total,errors,texts", [
    # Prometheus's own error text, as its JSON says it.
    ("sum(rate(http_requests_total[1m]", ERRORS,
     ["/api/v1/query_range answered HTTP 400 (bad_data): 1:33: parse error: unclosed left parenthesis"]),
    ("http_requests_total + on() http_requests_total", ERRORS,
     ["answered HTTP 422 (execution): found duplicate series for the match group {} on the right hand-side of the operation"]),
    ("round(increase(http_requests_total[1m]))", ERRORS,
     ['the total query returns 2 series ({code="200"}, {code="500"}); it must return one: wrap it in sum(...)']),
    ("sum(increase(jitter_requests_total[1m]))", ERRORS,
     ["error: the total query gives 3.666666666666667 for the interval from 2026-10-01T00:04:00Z"
      " (evaluated at 2026-10-01T00:05:00Z), not a whole number: increase() extrapolates, so wrap it in round(...)"]),
    (TOTAL + " - 1", ERRORS,
     ["error: the total query gives -1 for the interval from 2026-10-01T00:00:00Z (evaluated at 2026-10-01T00:01:00Z):"
      " a count cannot be negative"]),
    (TOTAL, "2 * " + TOTAL,
     ["error: For the interval from 2026-10-01T00:04:00Z (evaluated at 2026-10-01T00:05:00Z) the errors query gives 6"
      " but the total query 3: errors cannot exceed the total"]),
    ("sum(round(increase(no_such_metric_total[1m])))", TOTAL,
     ["error: For the interval from 2026-10-01T00:04:00Z (evaluated at 2026-10-01T00:05:00Z) the errors query gives 3"
      " but the total query has no value"]),
    ("vector(0) / 0", ERRORS,
     ["error: the total query gives NaN for the interval from 2026-10-01T00:00:00Z (evaluated at 2026-10-01T00:01:00Z):"
      " a count must be a whole number"]),
])
def test_bad_answers_from_a_real_prometheus_stop_the_import_and_write_nothing(site, prometheus, total, errors, texts):
    assert_refused(run_import(site, prometheus, total=total, errors=errors, **SHORT), site, *texts)
    # The same with a file already there: it stays byte for byte.
    samples(site).parent.mkdir(parents=True, exist_ok=True)
    samples(site).write_text("start,total,errors\n2026-10-01T00:04:00Z,999,0\n")
    before = samples(site).read_bytes()
    assert_refused(run_import(site, prometheus, total=total, errors=errors, **SHORT), site, *texts, before=before)


def test_every_bad_value_is_reported_up_to_a_screenful(site, prometheus):
    # vector(0) / 0 is NaN at each of the 60 steps of an hour: 20 shown, then a count.
    proc = run_import(site, prometheus, total="vector(0) / 0", start="2026-10-01T00:00:00Z", end="2026-10-01T01:00:00Z")
    assert_refused(proc, site, "error: … and 40 more problems\n")
    assert proc.stderr.count("error: the total query gives NaN") == 20


def test_an_unreachable_server(site):
    port = free_port()  # nothing listens there
    proc = run_import(site, f"http://127.0.0.1:{port}", **SHORT)
    assert_refused(proc, site, f"error: cannot reach http://127.0.0.1:{port}/api/v1/query_range: connection refused")


class NotPrometheus(http.server.BaseHTTPRequestHandler):
    """What stands in front of an API, for errors a lone Prometheus does not make: a proxy whose
    server is down, a dashboard's page, a redirect, a slow answer, a refused login."""

    authorizations = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        headers = {"Content-Type": "text/html"}
        if self.path.startswith("/down/"):
            status, body = 502, b"<html><body><h1>502 Bad Gateway</h1>\n</body></html>\n"
        elif self.path.startswith("/moved/"):
            status, body = 301, b""
            headers["Location"] = "https://prometheus.example/api/v1/query_range"
        elif self.path.startswith("/slow/"):
            time.sleep(3)
            status, body = 200, b"{}"
        elif self.path.startswith("/auth/"):
            NotPrometheus.authorizations.append(self.headers.get("Authorization"))
            status, body = 401, b"Unauthorized\n"
        else:
            status, body = 200, b"<!doctype html><title>Grafana</title>\x1b[31m"
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the slow answer's client gave up, as it should

    def log_message(self, *args):
        pass


@pytest.fixture
def not_prometheus():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotPrometheus)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_errors_without_prometheus_json(site, not_prometheus):
    proc = run_import(site, not_prometheus + "/down", **SHORT)
    assert_refused(proc, site, f"error: {not_prometheus}/down/api/v1/query_range answered HTTP 502:"
                               " <html><body><h1>502 Bad Gateway</h1> </body></html>")
    proc = run_import(site, not_prometheus + "/grafana/", **SHORT)
    assert_refused(proc, site, f"error: {not_prometheus}/grafana/api/v1/query_range answered HTTP 200 with something"
                               " that is not a Prometheus API answer: <!doctype html><title>Grafana</title>[31m")
    # The escape character the page sent never reaches the terminal.
    assert "\x1b" not in proc.stderr
    proc = run_import(site, not_prometheus + "/moved", **SHORT)
    assert_refused(proc, site, f"error: {not_prometheus}/moved/api/v1/query_range answered HTTP 301, redirecting to"
                               " https://prometheus.example/api/v1/query_range: use the address the API is at as --url")


def test_a_slow_server_times_out(site, not_prometheus):
    proc = run_import(site, not_prometheus + "/slow", "--timeout", "1", **SHORT)
    assert_refused(proc, site, f"error: {not_prometheus}/slow/api/v1/query_range did not answer within 1 s")


def test_credentials_in_the_url_are_sent_as_basic_auth_and_never_printed(site, not_prometheus):
    NotPrometheus.authorizations.clear()
    url = not_prometheus.replace("http://", "http://reader:s3cr%40t@") + "/auth"
    proc = run_import(site, url, **SHORT)
    assert_refused(proc, site, f"error: {not_prometheus}/auth/api/v1/query_range answered HTTP 401: Unauthorized")
    # base64("reader:s3cr@t") = cmVhZGVyOnMzY3JAdA==
    assert NotPrometheus.authorizations == ["Basic cmVhZGVyOnMzY3JAdA=="]
    assert "s3cr" not in proc.stderr + proc.stdout


def test_a_bad_samples_file_is_reported_and_kept(site, prometheus):
    samples(site).parent.mkdir(parents=True)
    samples(site).write_text("start,total,errors\n2026-10-01T00:04:00Z,5,6\n")
    before = samples(site).read_bytes()
    proc = run_import(site, prometheus, **SHORT)
    assert proc.returncode == 1
    assert "content/status/samples/api.csv:2:24: errors (6) must not exceed total (5) requests" in proc.stderr
    assert "must be fixed before importing into it; nothing was written" in proc.stderr
    assert samples(site).read_bytes() == before


@pytest.mark.parametrize("extra,text", [
    (["--service", "apl"], '--service "apl" is not a service of this site (content/services/apl.md does not exist); did you mean "api"?'),
    (["--interval", "2m"], '--interval must be one of 1m, 5m, 10m, 15m, 30m, got "2m"'),
    (["--url", "localhost:9090"], "--url must be an absolute http or https URL"),
    (["--from", "2026-10-01T00:02:00Z", "--interval", "5m"],
     "--from 2026-10-01T00:02:00Z is not on the 5m grid (every 5m from 00:00 UTC): use 2026-10-01T00:00:00Z or 2026-10-01T00:05:00Z"),
    # Issue 26 point 8: the days as written, with the site zone (before: the instants in UTC).
    (["--from", "2026-11-02"], "--to 2026-10-31 (UTC) must be later than --from 2026-11-02 (UTC)"),
    (["--to", "1 Nov"], '--to must be a day (2026-10-01) or an ISO 8601 time (2026-10-01T00:00:00Z), got "1 Nov"'),
    (["--timeout", "0"], "--timeout must be a whole number of seconds from 1 to 3600, got 0"),
])
def test_usage_errors(site, extra, text):
    args = [BINARY, "import", "prometheus", "--source", str(site), "--url", "http://127.0.0.1:9", "--service", "api",
            "--total", TOTAL, "--errors", ERRORS, "--from", "2026-10-01", "--to", "2026-10-31"]
    # A later option of the same name wins.
    proc = subprocess.run(args + extra, capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    assert text in proc.stderr, proc.stderr
    assert not samples(site).exists()


def test_a_range_selector_other_than_the_interval_is_a_warning(site, prometheus):
    proc = run_import(site, prometheus, total="sum(round(increase(http_requests_total[5m])))",
                      errors="sum(round(increase(http_requests_total{code=~\"5..\"}[5m])))", **SHORT)
    assert "warning: the total query's range [5m] is not --interval 1m: each row would count 5m of requests" in proc.stderr
    assert "warning: the errors query's range [5m] is not --interval 1m" in proc.stderr


def test_an_imported_month_is_judged_by_the_contracts_rule_in_sla_json_and_on_the_page(site, prometheus):
    # The plan measures Downtime as a minute with more than 5 % of requests failing, counted
    # only with at least 100 requests (the Atlassian / GitHub style of rule).
    plan = site / "content" / "plans" / "pro.md"
    plan.write_text(PLAN.replace(
        "services:\n  api: {}\n",
        "services:\n  api:\n    downtime: {source: samples, interval: 1, error_rate_above: 5, min_requests: 100}\n"))
    proc = run_import(site, prometheus)
    assert proc.returncode == 0, proc.stderr
    build = subprocess.run([BINARY, "build", "--source", str(site), "--now", "2026-11-15T00:00:00Z"],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert "warning" not in build.stderr, build.stderr

    # By hand, from EXPECTED_OCTOBER: a minute is bad when errors / total > 5 % and total >= 100.
    #   2026-10-01 00:04   3 requests              under 100: not counted
    #   2026-10-07 22:10   5 / 100 = 5 %           not more than 5 %: good
    #   2026-10-07 22:20   50 / 50, 50 requests    under 100: not counted
    #   2026-10-07 22:30–22:49  10 / 100 = 10 %    bad: 20 minutes
    #   2026-10-14 21:19   52 / 104 = 50 %         bad: 1 (the last row before the second join)
    #   2026-10-14 21:20   52 / 105 ≈ 49.5 %       bad: 1 (the first row after it)
    #   2026-10-31 23:59   100 / 100               bad: 1 (evaluated at 2026-11-01T00:00)
    # Downtime 20 + 1 + 1 + 1 = 23 minutes of October's 31 × 1440 = 44,640:
    # uptime = 100 × (44,640 − 23) / 44,640 = 99.94847… → 99.948 < 99.95: missed, credit 10 %
    # (below 99.95, not below 99). Budget (1 − 0.9995) × 44,640 = 22.32 → 22.3; left 22.32 − 23 = −0.68 → −0.7.
    sla = json.loads((site / "public" / "sla.json").read_text())
    service = sla["plans"][0]["services"][0]
    assert service["downtime"] == {"source": "samples", "interval": 1, "method": "bad_intervals", "error_rate_above": 5,
                                   "min_requests": 100, "min_consecutive": 1}
    october = next(m for m in service["months"] if m["month"] == "2026-10")
    assert {k: october[k] for k in ("uptime", "downtime_minutes", "met", "credit", "final", "budget_minutes",
                                    "budget_left_minutes", "source", "minutes")} == {
        "uptime": 99.948, "downtime_minutes": 23, "met": False, "credit": 10, "final": True, "budget_minutes": 22.3,
        "budget_left_minutes": -0.7, "source": "samples", "minutes": 44640}

    # The details page shows the same month in its history table, and the rule in words.
    page = (site / "public" / "plans" / "pro" / "api" / "index.html").read_text()
    rows = TableRows(page).rows
    october_row = next(r for r in rows if r and r[0] == "October 2026")
    assert october_row[1:4] == ["99.948%", "23.0 min", "99.95%"], october_row
    assert "Missed" in october_row and "10%" in october_row, october_row
    assert october_row[-1] == "Request samples", october_row
    text = " ".join(TableRows(page).text.split())
    assert "more than 5% of requests fail, with at least 100 requests in the minute" in text


class TableRows(HTMLParser):
    """The text of each table row's cells, and the page's whole text."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.rows, self.text, self._cell = [], "", None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join(self._cell.split()))
            self._cell = None

    def handle_data(self, data):
        self.text += data
        if self._cell is not None:
            self._cell += data
