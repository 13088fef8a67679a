"""A real browser on the built example site: headless Chromium renders the home page and a
details page; the test reads the rendered DOM and saves screenshots to test-artifacts/."""
import os
import shutil

import pytest

from test_pages import ROOT, build

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

ARTIFACTS = os.path.join(ROOT, "test-artifacts")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    return build(ROOT, tmp_path_factory.mktemp("browser") / "public")


@pytest.fixture(scope="module")
def browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
        pytest.skip("chromium and chromedriver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server(public):
    """Serves the output over HTTP on a free port, as the site would be published."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=public)

    class Quiet(handler.func):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=public))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def screenshot(browser, name, width):
    os.makedirs(ARTIFACTS, exist_ok=True)
    browser.set_window_size(width, 900)
    browser.save_screenshot(os.path.join(ARTIFACTS, f"{name}-{width}-top.png"))
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(max(height, 600), 6000))
    path = os.path.join(ARTIFACTS, f"{name}-{width}.png")
    browser.save_screenshot(path)
    return path


def no_horizontal_overflow(browser):
    return browser.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def test_home_page_renders_plans_and_links(browser, server):
    browser.set_window_size(1280, 900)
    browser.get(server)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Nimbus Cloud Service Level Agreements"
    sections = browser.find_elements(By.CSS_SELECTOR, "main section.card h2")
    assert [s.text.split("\n")[0] for s in sections][:3] == ["Free $0 / month", "Business From $49 / month",
                                                              "Enterprise Contact sales"]
    links = browser.find_elements(By.LINK_TEXT, "View full details")
    assert len(links) == 4 and all(l.is_displayed() for l in links)  # Free, Business, Enterprise, Team
    # The stylesheet loaded: the header has its background and the body its system font.
    family = browser.execute_script("return getComputedStyle(document.body).fontFamily")
    assert "system-ui" in family
    assert browser.find_element(By.CSS_SELECTOR, "table.compare th[scope=col]").is_displayed()
    screenshot(browser, "home", 1280)
    browser.set_window_size(375, 900)
    assert no_horizontal_overflow(browser)
    screenshot(browser, "home", 375)
    # Following a View full details link lands on the plan page.
    browser.set_window_size(1280, 900)
    browser.find_elements(By.LINK_TEXT, "View full details")[1].click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Business"


def test_details_page_chart_and_history(browser, server):
    browser.set_window_size(1280, 900)
    browser.get(server + "plans/business/compute/")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Nimbus Compute")
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.is_displayed() and chart.size["width"] > 600 and chart.size["height"] > 150
    assert chart.get_attribute("role") == "img"
    missed = browser.find_elements(By.CSS_SELECTOR, "svg.chart .chart-missed")
    labels = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg.chart .chart-miss-label")]
    assert len(missed) >= 1 and labels == ["missed"] * len(missed)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.history tbody tr")
    # October 2025 (the plan as first published, 99.5%) to November 2026.
    assert len(rows) == 14
    cells = [[td.text for td in r.find_elements(By.TAG_NAME, "td")] for r in rows]
    assert "Missed" in [c[3] for c in cells]
    # Each month names the objective that judged it: 99.5% until the revision of December 1, 2025.
    assert [c[2] for c in cells[:3]] == ["99.5%", "99.5%", "99.9%"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.chart .chart-objective-steps")) == 1
    from test_chart import label_clashes  # issue 26, point 5: measured label boxes
    for width in [1280, 375]:
        browser.set_window_size(width, 900)
        assert label_clashes(browser, f"example-{width}")[1] == [], width
    browser.set_window_size(1280, 900)
    screenshot(browser, "details", 1280)
    browser.set_window_size(375, 900)
    assert no_horizontal_overflow(browser)
    screenshot(browser, "details", 375)


def test_status_page_at_phone_width(browser, server):
    browser.set_window_size(375, 900)
    browser.get(server + "status/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Service status"
    assert no_horizontal_overflow(browser)
    screenshot(browser, "status", 375)


def set_scheme(browser, scheme):
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def test_status_incident_and_details_pages_in_both_schemes_and_widths(browser, server):
    """Issue 16: the headline, the 90-day bars, the timeline and what an incident counted, at
    1280 and 375 px, light and dark (screenshots in test-artifacts/)."""
    pages = {
        "status": "status/",
        "incident": "incidents/2026-11-10-object-storage-elevated-errors/",
        "details": "plans/business/compute/",
    }
    try:
        for scheme in ["light", "dark"]:
            set_scheme(browser, scheme)
            for width in [1280, 375]:
                for kind, path in pages.items():
                    browser.set_window_size(width, 900)
                    browser.get(server + path)
                    assert no_horizontal_overflow(browser), (kind, scheme, width)
                    screenshot(browser, f"{kind}-{scheme}", width)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_status_page_headline_states_and_bars(browser, server):
    browser.set_window_size(1280, 900)
    browser.get(server + "status/")
    # The open degraded DNS incident (weight 0) is the only thing open at now.
    headline = browser.find_element(By.CSS_SELECTOR, ".headline")
    assert headline.text.startswith("Degraded performance: Nimbus DNS")
    assert headline.get_attribute("role") == "status"
    states = {li.find_element(By.TAG_NAME, "h3").text for li in browser.find_elements(By.CSS_SELECTOR, ".service-states > li")}
    assert "Nimbus DNS\nDegraded performance" in states or "Nimbus DNS Degraded performance" in states
    strips = browser.find_elements(By.CSS_SELECTOR, ".service-states .days[role=img]")
    assert len(strips) == 4
    for strip in strips:
        bars = strip.find_elements(By.TAG_NAME, "i")
        assert len(bars) == 90
        # Each bar is drawn (has a width and the strip's height); the picture is named in words.
        assert all(b.size["width"] > 0 and b.size["height"] == strip.size["height"] > 20 for b in bars)
        assert strip.get_attribute("aria-label").startswith("Downtime per day, 90 days: ")
    # Issue 23: a bar whose day is listed shows its words on hover (Object Storage, 10 November:
    # day 75 of 90), drawn above the strip; a green bar shows nothing.
    from selenium.webdriver.common.action_chains import ActionChains
    bar = strips[1].find_elements(By.TAG_NAME, "i")[75]
    ActionChains(browser).move_to_element(bar).perform()
    after = "return getComputedStyle(arguments[0], '::after').content"
    assert browser.execute_script(after, bar) == '"November 10, 2026: 15.0 min downtime"'
    assert browser.execute_script(after, strips[1].find_elements(By.TAG_NAME, "i")[74]) == "none"
    colours = browser.execute_script(
        "return [74, 75].map(i => getComputedStyle(arguments[0].children[i]).backgroundColor)", strips[1])
    assert colours == ["rgb(45, 164, 78)", "rgb(225, 111, 36)"]  # --d-ok #2da44e, --d-mid #e16f24
    # The open incident shows its latest update.
    latest = browser.find_element(By.CSS_SELECTOR, "ul.incidents .latest")
    assert "Identified" in latest.text and "replication queues" in latest.text
    # The days with downtime open from the keyboard: a <details> whose summary takes focus.
    summary = browser.find_element(By.CSS_SELECTOR, ".days-list summary")
    summary.send_keys(" ")
    assert summary.find_element(By.XPATH, "..").get_attribute("open") is not None


def test_the_day_bars_keep_their_colours_in_forced_colours(browser, server):
    """Issue 23: in forced colours (Windows contrast themes) the bars are a chart and keep their
    colours; without `forced-color-adjust: none` each would be painted the background colour."""
    browser.set_window_size(1280, 900)
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
        browser.get(server + "status/")
        assert browser.execute_script("return matchMedia('(forced-colors: active)').matches")
        strip = browser.find_elements(By.CSS_SELECTOR, ".service-states .days[role=img]")[1]  # Object Storage
        colours = browser.execute_script(
            "return [74, 75].map(i => getComputedStyle(arguments[0].children[i]).backgroundColor)", strip)
        assert colours == ["rgb(45, 164, 78)", "rgb(225, 111, 36)"]  # --d-ok, --d-mid (10 November)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
