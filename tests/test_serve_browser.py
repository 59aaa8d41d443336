"""A real browser on ``kg serve``: Debian's Chromium, driven headless by Selenium through chromium-driver.

Chromium and its driver come from .ci/install-test-tools.sh; locally the test skips when they are
absent, under CI (CI=true) that is a failure. The entity page's screenshot lands in tests/artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def browser(tmp_path_factory, require_tool):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = require_tool("chromium")
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1400",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(require_tool("chromedriver")))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def follow(browser, element, url_end: str) -> None:
    """Click ``element`` and wait until the browser has loaded the page whose URL ends in ``url_end``."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    element.click()
    WebDriverWait(browser, 20).until(lambda b: b.current_url.endswith(url_end))
    WebDriverWait(browser, 20).until(expected_conditions.presence_of_element_located(("tag name", "footer")))


def test_search_uwv_then_follow_links_to_a_document_and_an_instrument(browser, served_samples):
    from selenium.webdriver.common.by import By

    browser.get(served_samples.url)
    assert "Knowledge graph of Kamerstukken" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "dl.numbers dd"), "the home page shows the dataset's numbers"

    box = browser.find_element(By.NAME, "q")
    box.send_keys("UWV")
    follow(browser, browser.find_element(By.CSS_SELECTOR, "form.search button"), "/search?q=UWV")
    follow(browser, browser.find_element(By.LINK_TEXT, "UWV"), "/doc/organisatie/uwv")

    # The organisation page: label, type, the documents mentioning it with the mention highlighted.
    assert browser.current_url == served_samples.url + "doc/organisatie/uwv"
    assert browser.find_element(By.TAG_NAME, "h1").text == "UWV"
    types = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "p.types .type")]
    assert "org:Organization" in types
    marks = browser.find_elements(By.CSS_SELECTOR, "#mentions mark")
    assert marks and {m.text for m in marks} == {"UWV"}
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "entity-uwv.png"))
    assert (ARTIFACTS / "entity-uwv.png").stat().st_size > 10_000

    # On to a document that mentions UWV: its facts, citations and its text with the mentions linked.
    follow(browser, browser.find_element(By.CSS_SELECTOR, "#mentions h3 a[href='/doc/kamerstuk/29544-1101']"), "/doc/kamerstuk/29544-1101")
    assert browser.find_element(By.TAG_NAME, "h1").text == "29544-1101"
    cited = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#citations a")]
    assert "29544-1078" in cited
    assert "BRIEF VAN DE STAATSSECRETARIS" in browser.find_element(By.CSS_SELECTOR, "pre.text").text

    # And from the text to an instrument it mentions.
    follow(browser, browser.find_element(By.CSS_SELECTOR, "pre.text a.mention[href='/doc/instrument/ips']"), "/doc/instrument/ips")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading in ("IPS", "Individuele Plaatsing en Steun")
    assert "instrument" in " ".join(t.text for t in browser.find_elements(By.CSS_SELECTOR, "p.types .type")).lower()
    documents = browser.find_elements(By.CSS_SELECTOR, "#mentions h3 a")
    assert len(documents) >= 3
