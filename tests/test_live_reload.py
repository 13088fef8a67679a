"""Live reload in a real browser (issue 6): headless Chromium opens a page served by
`slasite serve`, the test edits the content, and the page reloads by itself with the new text."""
import os
import shutil
import time

import pytest

from test_serve import ROOT, Server

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture()
def browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
        pytest.skip("chromium and chromedriver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_page_reloads_by_itself_after_an_edit_and_shows_the_overlay_for_a_broken_one(browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    server = Server(str(site))
    try:
        browser.get(server.url + "plans/pro/")
        assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Pro")
        # A marker that survives only until the page reloads.
        browser.execute_script("window.__slasiteMarker = 1")
        plan = site / "content" / "plans" / "pro.md"
        good = plan.read_text()
        plan.write_text(good.replace("title: Pro\n", "title: Professional\n"))
        assert wait_for(lambda: browser.execute_script("return window.__slasiteMarker") is None
                        and "Professional" in browser.find_element(By.TAG_NAME, "h1").text), \
            "the page did not reload with the new title"

        # A broken edit: the old page stays, with an overlay naming the problem.
        browser.execute_script("window.__slasiteMarker = 2")
        plan.write_text(good.replace("title: Pro\n", "title: Professional\n").replace("uptime: 99.9\n", "uptime: 99,9\n"))
        assert wait_for(lambda: browser.execute_script("return window.__slasiteMarker") is None
                        and browser.find_elements(By.ID, "slasite-overlay")), "no overlay after a broken edit"
        overlay = browser.find_element(By.ID, "slasite-overlay").text
        assert "content/plans/pro.md:6:9" in overlay and "uptime must be a number" in overlay
        assert "Professional" in browser.find_element(By.TAG_NAME, "h1").text

        # Fixing it removes the overlay by itself.
        plan.write_text(good)
        assert wait_for(lambda: not browser.find_elements(By.ID, "slasite-overlay")
                        and browser.find_element(By.TAG_NAME, "h1").text.startswith("Pro")), \
            "the overlay did not go away after the fix"
    finally:
        server.stop()


def test_a_stylesheet_edit_swaps_the_stylesheet_without_reloading(browser, tmp_path):
    """A CSS-only edit refreshes the stylesheet in place (issue 13): the page is not reloaded
    (its marker survives), the new rule applies, and the link points at the new hashed name,
    as in the rebuilt page."""
    site = tmp_path / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    css = site / "themes" / "default" / "assets" / "style.css"
    css.parent.mkdir(parents=True)
    default_css = open(os.path.join(ROOT, "themes", "default", "assets", "style.css")).read()
    server = Server(str(site))
    try:
        browser.get(server.url + "plans/pro/")
        before = browser.find_element(By.CSS_SELECTOR, 'link[rel="stylesheet"]').get_attribute("href")
        browser.execute_script("window.__slasiteMarker = 1")
        css.write_text(default_css + "\nh1 { outline: 3px solid rgb(1, 2, 3); }\n")

        def swapped():
            outline = browser.execute_script(
                "return getComputedStyle(document.querySelector('h1')).outlineColor")
            return outline == "rgb(1, 2, 3)"
        assert wait_for(swapped, timeout=10), "the new stylesheet did not apply"
        assert browser.execute_script("return window.__slasiteMarker") == 1, "the page reloaded"
        after = browser.find_element(By.CSS_SELECTOR, 'link[rel="stylesheet"]').get_attribute("href")
        assert after != before and "/assets/style." in after
        status, _, page = server.get("/plans/pro/")
        assert status == 200 and after.split("/", 3)[3] in page, "the served page links the same stylesheet"
    finally:
        server.stop()
