"""Every live page renders in both locales, with the site frame and without template debris."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from cms.templatetags.site_tags import breadcrumbs

pytestmark = pytest.mark.django_db


def live_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific())


def test_every_live_page_renders(client):
    pages = live_pages()
    if not pages:
        pytest.skip("no content")
    for page in pages:
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
    for page in live_pages():
        translation_ru = page.get_translations().filter(locale__language_code="ru").live().first()
        if page.locale.language_code == "en" and translation_ru is not None and page.depth > 2:
            html = client.get(page.get_url()).content.decode()
            assert f'href="{translation_ru.get_url()}" hreflang="ru" lang="ru"' in html
            assert 'hreflang="x-default"' in html
            return
    pytest.skip("no translated page")


def test_breadcrumbs_run_one_query():
    page = Page.objects.live().filter(depth__gte=4).first()
    if page is None:
        pytest.skip("no deep page")
    context = {"nav_home": page.get_ancestors().get(depth=2), "request": None}
    with CaptureQueriesContext(connection) as queries:
        result = breadcrumbs(context, page)
    assert len(queries.captured_queries) == 1
    assert [crumb["title"] for crumb in result["crumbs"]][0] == context["nav_home"].title
