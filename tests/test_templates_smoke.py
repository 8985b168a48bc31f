"""Every live page renders in both locales, with the site frame and without template debris."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from cms.templatetags.site_tags import breadcrumbs

pytestmark = pytest.mark.django_db


# Every page type the seed loader creates; a missing seed fails here instead of passing on nothing.
SEED_TYPES = {
    "HomePage",
    "StandardPage",
    "ProjectIndexPage",
    "ProjectPage",
    "PublicationIndexPage",
    "ActionPlanPage",
    "JointDeclarationPage",
    "FactsheetPage",
    "CountryIndexPage",
    "CountryPage",
}


def live_pages():
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    for language in ("en", "ru"):
        types = {type(page).__name__ for page in pages if page.locale.language_code == language}
        assert types >= SEED_TYPES, f"the seed is missing: no live {sorted(SEED_TYPES - types)} in {language}"
    return pages


def test_every_live_page_renders(client):
    for page in live_pages():
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{page.locale.language_code}">' in html, url
        assert 'class="skip-link"' in html, url
        assert "{{" not in html and "{%" not in html, url
        assert '<link rel="canonical"' in html, url
        assert "<h1" in html, url


def test_language_switcher_links_to_the_translation(client):
    russian = {
        page.translation_key: page for page in live_pages() if page.locale.language_code == "ru" and page.depth > 2
    }
    checked = 0
    for page in live_pages():
        translation_ru = russian.get(page.translation_key)
        if page.locale.language_code != "en" or translation_ru is None:
            continue
        html = client.get(page.get_url()).content.decode()
        assert f'href="{translation_ru.get_url()}" hreflang="ru" lang="ru"' in html, page.url
        assert 'hreflang="x-default"' in html, page.url
        checked += 1
    assert checked >= 60  # the seed translates the projects, the library and the fifty states


def test_breadcrumbs_run_one_query():
    page = Page.objects.live().filter(depth__gte=4).first()
    assert page is not None, "the seed is missing: no page four levels deep"
    context = {"nav_home": page.get_ancestors().get(depth=2), "request": None}
    with CaptureQueriesContext(connection) as queries:
        result = breadcrumbs(context, page)
    assert len(queries.captured_queries) == 1
    assert [crumb["title"] for crumb in result["crumbs"]][0] == context["nav_home"].title
