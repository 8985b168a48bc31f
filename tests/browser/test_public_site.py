"""What a reader notices in a real browser: languages, search without JavaScript, phones,
keyboard access and the list of states."""

import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the session fixture skips (or fails under CI=true) with the reason
    expect = None

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
RESULT_COUNT = re.compile(r"(\d+) results?")


def test_language_switcher_goes_to_the_russian_project_page_and_back(page):
    page.goto("/en/projects/pp-ti/")
    expect(page.locator("h1")).to_contain_text("Prague Process Targeted Initiative")

    page.locator(".lang-switch a[hreflang=ru]").click()
    expect(page).to_have_url(re.compile(r"/ru/projects/pp-ti/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_contain_text("Целевая инициатива Пражского процесса")
    expect(page.locator(".lang-switch a[hreflang=ru]")).to_have_attribute("aria-current", "true")

    page.locator(".lang-switch a[hreflang=en]").click()
    expect(page).to_have_url(re.compile(r"/en/projects/pp-ti/$"))
    expect(page.locator("h1")).to_contain_text("Prague Process Targeted Initiative")


def _result_count(page):
    status = page.locator(".search-results > .listing__meta[role=status]")
    expect(status).to_have_text(RESULT_COUNT)
    return int(RESULT_COUNT.search(status.inner_text()).group(1))


def test_search_and_facets_work_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/en/search/")
    page.locator("#search-page-input").fill("migration")
    page.locator(".search-page > form.search-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"[?&]q=migration"))
    expect(page.locator(".search-result").first).to_be_visible()
    before = _result_count(page)
    assert before > 1

    facet = page.locator("form.facet").filter(has=page.get_by_role("group", name="Type"))
    checkbox = facet.get_by_role("checkbox").first
    checkbox.check()
    facet.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"[?&]type="))
    expect(page.locator("#search-page-input")).to_have_value("migration")
    facet = page.locator("form.facet").filter(has=page.get_by_role("group", name="Type"))
    expect(facet.get_by_role("checkbox").first).to_be_checked()
    after = _result_count(page)
    assert 0 < after < before
    expect(page.get_by_role("link", name="Remove all filters")).to_be_visible()


def test_a_facet_applies_as_soon_as_it_is_ticked(page):
    page.goto("/en/search/?q=migration")
    before = _result_count(page)
    facet = page.locator("form.facet").filter(has=page.get_by_role("group", name="Type"))
    facet.get_by_role("checkbox").first.check()  # no click on Apply: the page reloads filtered

    expect(page).to_have_url(re.compile(r"[?&]type="))
    facet = page.locator("form.facet").filter(has=page.get_by_role("group", name="Type"))
    expect(facet.get_by_role("checkbox").first).to_be_checked()
    assert 0 < _result_count(page) < before
    expect(facet.get_by_role("button", name="Apply")).to_be_visible()  # kept for readers without JavaScript


@pytest.mark.parametrize("path", ["/en/", "/en/projects/pp-ti/", "/en/search/?q=migration"])
def test_phone_has_no_horizontal_overflow_and_reachable_navigation(new_page, path):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(path)
    nav = page.get_by_role("navigation", name="Main menu")
    expect(nav).to_be_visible()
    links = nav.get_by_role("link")
    expect(links.first).to_be_visible()
    for i in range(links.count()):
        link = links.nth(i)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, link.inner_text()
    # With mobile emulation Chromium zooms out to fit wide content, so window.innerWidth grows
    # with the overflow: compare with the phone's width as well, not with innerWidth alone.
    scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width == PHONE["width"], (
        f"{path}: the page is {scroll_width}px wide on a {PHONE['width']}px screen (innerWidth {inner_width})"
    )


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/en/projects/pp-ti/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # it appears on focus
    expect(skip).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main-content$"))


def test_country_filter_narrows_the_list_as_the_reader_types(page):
    page.goto("/en/countries/")
    kyrgyzstan = page.locator("[data-country-filter]").filter(has_text="Kyrgyzstan")
    austria = page.locator("[data-country-filter]").filter(has_text="Austria")
    expect(kyrgyzstan).to_be_visible()
    expect(austria).to_be_visible()

    box = page.get_by_label("Find a state")
    expect(box).to_be_visible()  # revealed by the script
    box.press_sequentially("Kyr")
    expect(kyrgyzstan).to_be_visible()
    expect(austria).to_be_hidden()
    expect(page.locator("#country-filter-status")).to_have_text(re.compile(r"States shown: \d+"))

    box.fill("")
    expect(austria).to_be_visible()
