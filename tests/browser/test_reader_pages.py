"""Every reader-facing page type in both languages: axe-core finds nothing serious, nothing scrolls
sideways at 320, 390 or 1280 px; the map works by keyboard; filters, feeds and citation export work."""

import os
import re
from pathlib import Path

import pytest

from django.conf import settings

from home.seed.sample_pages import PAGE_TYPES

try:
    from playwright.sync_api import expect
except ImportError:  # the session fixture skips (or fails under CI=true) with the reason
    expect = None

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [(name, lang) for name in PAGE_TYPES for lang in ("en", "ru")]
WIDTHS = (320, 390, 1280)


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {AXE} is missing: run `npm ci`", pytrace=False)
        pytest.skip("axe-core is not installed: run `npm ci`")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, lang", PAGES)
def test_no_serious_or_critical_accessibility_violations(page, axe_source, name, lang):
    page.goto(PAGE_TYPES[name].format(lang=lang))
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact))"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))"
    )
    assert violations == []


@pytest.mark.parametrize("name, lang", PAGES)
def test_no_page_scrolls_sideways(page, name, lang):
    page.goto(PAGE_TYPES[name].format(lang=lang))
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} ({lang}) is {scroll_width}px wide at {width}px"


def test_map_states_are_reachable_and_followed_by_keyboard(page):
    page.goto("/ru/countries/")
    expect(page.locator(".state-map__svg")).to_be_visible()
    # From the last control before the map, one Tab reaches the first state on the map.
    page.locator(".map-modes a").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.closest('svg') !== null, document.activeElement.getAttribute('aria-label')]"
    )
    assert focused == [True, "Австрия"]
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Азербайджан"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/countries/azerbaijan/$"))
    expect(page.locator("h1")).to_contain_text("Азербайджан")


def test_library_filters_combine_in_a_shareable_url(page):
    page.goto("/en/library/")
    page.get_by_label("Type").select_option("guidelines")
    page.get_by_label("Thematic area").select_option("asylum-protection")
    page.get_by_role("button", name="Show publications").click()
    expect(page).to_have_url(
        re.compile(r"type=guidelines.*theme=asylum-protection|theme=asylum-protection.*type=guidelines")
    )
    expect(page.locator(".listing > li")).to_have_count(1)
    shared = page.url
    page.goto(shared.replace("/en/", "/ru/"))
    expect(page.locator(".listing > li")).to_have_count(1)
    expect(page.locator(".listing h2")).to_contain_text("Руководящие принципы")


def test_the_feed_linked_from_the_library_is_rss(page):
    page.goto("/ru/library/?type=guidelines")
    href = page.locator("link[type='application/rss+xml']").get_attribute("href")
    response = page.request.get(href)
    assert response.headers["content-type"].startswith("application/rss+xml")
    assert response.text().count("<item>") == 3


def test_cite_this_downloads_ris(page):
    page.goto("/en/library/action-plan-2012-2016/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download RIS").click()
    assert download.value.suggested_filename == "action-plan-2012-2016.ris"
    assert Path(download.value.path()).read_text(encoding="utf-8").startswith("TY  - RPRT")
