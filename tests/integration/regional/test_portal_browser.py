"""The portal in a real browser: Debian's headless Chromium driven by Selenium through
/usr/bin/chromedriver (SE_OFFLINE: nothing is downloaded). Search, open an object, zoom, play
both games with the keyboard alone, switch to English; axe-core finds no serious or critical
violation on any page type, and no page scrolls sideways at 375 or 1440 pixels wide.

The browser does not depend on the database, so these run on the SQLite base only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import (
    COIFFES,
    TEXTILE,
    Collection,
    Museum,
    push_illustrated,
    wait_for,
)
from tests.support import requires

pytestmark = [requires("chromium", "chromedriver"),
              pytest.mark.parametrize("regional_config", ["sqlite"], indirect=True)]

AXE = Path(__file__).resolve().parents[2] / "browser" / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = (375, 1440)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    os.environ["SE_OFFLINE"] = "1"  # Selenium Manager must not fetch a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--lang=fr-FR"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(1440, 900)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def site(regional_server: RegionalServer, collection: Collection, museum_a: Museum,
         tmp_path: Path) -> str:
    """A portal with the collection and six illustrated, dated objects, images made."""
    records = push_illustrated(museum_a, tmp_path, 6)
    with httpx.Client(base_url=regional_server.url) as client:
        for record in records + [collection.public]:
            wait_for(lambda r=record: "thumb" in str(client.get(
                f"/api/public/v1/objects/{r['id']}").json()["fields"]["images"]), "derivatives")
    return regional_server.url


def wait_until(browser, condition, what: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 20).until(lambda driver: condition(driver), message=what)


def press(browser, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(*keys).perform()


def focus_by_tab(browser, css: str, limit: int = 80) -> None:
    """Press Tab until the element focused matches `css` (what a keyboard user does)."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        if browser.execute_script(f"return document.activeElement.matches({css!r})"):
            return
        press(browser, Keys.TAB)
    raise AssertionError(f"Tab never reached {css}")


def test_search_open_an_object_and_zoom_with_the_keyboard(browser, site: str,
                                                          collection: Collection) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(site + "/")
    focus_by_tab(browser, "#q")
    press(browser, "etretat", Keys.ENTER)
    wait_until(browser, lambda d: "/recherche" in d.current_url, "the results page")
    assert "1 objet trouvé" in browser.find_element(By.CSS_SELECTOR, ".total").text
    focus_by_tab(browser, ".results .card a")
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: "/objets/" in d.current_url, "the object page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Bonnet brodé d'Étretat"
    focus_by_tab(browser, "button.zoom")
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: d.find_element(By.ID, "viewer").get_attribute("data-state")
               == "open", "the zoomable image")
    assert browser.find_element(By.CSS_SELECTOR, "#viewer canvas").is_displayed()
    press(browser, Keys.ESCAPE)
    wait_until(browser, lambda d: not d.find_element(By.ID, "viewer").is_displayed(),
               "the zoom to close")
    assert browser.execute_script("return document.activeElement.className") == "zoom"


def test_play_what_is_this_object_with_the_keyboard_alone(browser, site: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(site + "/jeux/quel-objet")
    focus_by_tab(browser, ".choices button")
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".feedback"), "the answer")
    feedback = browser.find_element(By.CSS_SELECTOR, ".feedback").text
    assert feedback.startswith(("Bravo", "Raté"))
    assert "sur 1" in browser.find_element(By.CSS_SELECTOR, ".game").text
    # The next round's link has the focus: Enter alone goes on.
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".choices button:enabled"),
               "the next round")
    assert "tours=1" in browser.current_url


def test_play_the_timeline_with_the_keyboard_alone(browser, site: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(site + "/jeux/frise")
    ids = [e.get_attribute("value")
           for e in browser.find_elements(By.CSS_SELECTOR, "input[name=objets]")]
    with httpx.Client(base_url=site) as client:  # the answer, as a pupil who knows would give
        years = [client.get(f"/api/public/v1/objects/{i}").json()["fields"]["date_earliest"]
                 for i in ids]
    ranks = [sorted(years).index(y) + 1 for y in years]
    for index, rank in enumerate(ranks, 1):
        focus_by_tab(browser, f"#rang-{index}")
        press(browser, str(rank))  # a select takes the option typed
    focus_by_tab(browser, "form button[type=submit]")
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".feedback"), "the verdict")
    assert browser.find_element(By.CSS_SELECTOR, ".feedback").text.startswith("Bravo")


def test_switch_to_english_and_stay_in_english(browser, site: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(site + "/musees")
    focus_by_tab(browser, "a[hreflang=en]")
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: "lang=en" in d.current_url, "the English page")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.TAG_NAME, "h1").text == "The museums of the network"
    focus_by_tab(browser, "main a")
    press(browser, Keys.ENTER)
    wait_until(browser, lambda d: "/musees/MA" in d.current_url, "the museum page")
    assert "lang=en" in browser.current_url
    assert "published object" in browser.find_element(By.TAG_NAME, "main").text


def page_types(collection: Collection) -> dict[str, str]:
    return {
        "home": "/", "search": "/recherche?q=coiffe", "museums": "/musees",
        "museum": "/musees/MA", "theme": f"/themes/{TEXTILE}", "sub-theme": f"/themes/{COIFFES}",
        "object": f"/objets/{collection.public['id']}", "games": "/jeux",
        "guess": "/jeux/quel-objet", "timeline": "/jeux/frise", "legal": "/mentions-legales",
        "accessibility": "/accessibilite", "not found": "/objets/nope", "english": "/?lang=en",
    }


def test_axe_finds_no_serious_violation_and_nothing_scrolls_sideways(
    browser, site: str, collection: Collection
) -> None:
    axe = AXE.read_text(encoding="utf-8")
    problems = []
    for width in WIDTHS:
        browser.set_window_size(width, 900)
        for name, path in page_types(collection).items():
            browser.get(site + path)
            browser.execute_script(axe)
            result = browser.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']})"
                ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length])))"
                ".catch(e => done([['axe failed', String(e), 0]]));")
            serious = [v for v in result if v[1] in ("serious", "critical") or v[0] == "axe failed"]
            if serious:
                problems.append((width, name, serious))
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append((width, name, f"scrolls sideways by {overflow} px"))
    browser.set_window_size(1440, 900)
    assert problems == []
