"""The site in a real headless Chromium (Debian's chromium + chromium-driver), from file://.

Checks what a reader sees: every category and paper link is in the rendered DOM, the Korean
text is drawn with NanumGothic (no tofu), and screenshots at desktop and phone widths are not
blank. .ci/run installs the browser (see the Makefile's `browser` target); elsewhere the test
is skipped when it is missing.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from site_helpers import build_two_days

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.enable_socket,  # chromedriver talks to us over loopback HTTP
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]
if not (CHROMIUM and DRIVER) and not os.environ.get("CI"):
    pytestmark.append(pytest.mark.skip(reason="chromium/chromedriver not installed (make browser)"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_two_days(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    yield driver
    driver.quit()


def _fonts_of(driver, selector: str) -> dict[str, int]:
    """Fonts Chromium actually drew the node's text with: family -> glyph count; a font the
    page embedded (rather than one installed on this machine) is marked "(web)"."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return {
        f["familyName"] + (" (web)" if f.get("isCustomFont") else ""): f["glyphCount"]
        for f in fonts["fonts"]
    }


def _not_blank(png: bytes) -> float:
    """Share of pixels that differ from the most common colour."""
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("L")
    hist = img.histogram()
    return 1 - max(hist) / sum(hist)


def test_day_page_in_chromium(built, browser, tmp_path):
    from selenium.webdriver.common.by import By

    settings, results = built
    out = Path(settings.out)
    result = results[-1]
    browser.set_window_size(1280, 900)
    browser.get((out / "day" / f"{result.date}.html").resolve().as_uri())
    browser.execute_script("return document.fonts.ready")
    assert browser.execute_script("return document.fonts.check('16px NanumGothicLocal', '한글')")
    sections = browser.find_elements(By.CSS_SELECTOR, "section.category h2")
    assert len(sections) == len(result.categories)
    for shown, cat in zip(sections, result.categories, strict=True):
        assert shown.text.startswith(f"{cat.emoji} {cat.name}")
    links = {
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.paper-link")
    }
    want = {p.url for c in result.categories for p in c.papers}
    assert links == want
    cat_links = browser.find_elements(By.CSS_SELECTOR, "section.category a.category-link")
    assert len(cat_links) == len(result.categories)
    # every category page the day links to opens
    for a in cat_links:
        assert Path(a.get_attribute("href").removeprefix("file://")).is_file()

    fonts = _fonts_of(browser, "section.category p.ko")
    # the Korean line is drawn with the embedded NanumGothic alone: no fallback, no tofu
    assert set(fonts) == {"NanumGothic (web)"}, fonts

    desktop = browser.get_screenshot_as_png()
    assert _not_blank(desktop) > 0.02
    (tmp_path / "desktop.png").write_bytes(desktop)
    browser.set_window_size(390, 844)  # a phone
    browser.refresh()
    phone = browser.get_screenshot_as_png()
    assert _not_blank(phone) > 0.02
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390, f"page scrolls sideways on a phone: {width}px"


def test_index_links_every_day_and_category(built, browser):
    from selenium.webdriver.common.by import By

    settings, results = built
    browser.set_window_size(1280, 900)
    browser.get((Path(settings.out) / "index.html").resolve().as_uri())
    days = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.day-link")]
    assert days == [r.date for r in reversed(results)]
    names = {
        a.text.split(" ", 1)[1] for a in browser.find_elements(By.CSS_SELECTOR, "a.category-link")
    }
    assert names == {c.name for r in results for c in r.categories}
    fonts = _fonts_of(browser, "h1")
    assert set(fonts) == {"NanumGothic (web)"}, fonts
