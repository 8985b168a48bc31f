"""The request's site is looked up once, then kept until a site or a root page changes (cms.sites)."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def site_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return response, [q["sql"] for q in captured.captured_queries if '"wagtailcore_site"' in q["sql"]]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_site_is_looked_up_once_for_many_requests(client):
    _response, first = site_queries(client, "/robots.txt")
    _response, second = site_queries(client, "/robots.txt")
    assert first, "the first request finds its site in the database"
    assert second == []


def test_a_site_edited_by_an_editor_is_seen_by_the_next_request(client):
    site_queries(client, "/robots.txt")
    site = Site.objects.get(is_default_site=True)
    site.hostname = "library.example.org"
    site.port = 443
    site.save()
    response, looked_up = site_queries(client, "/robots.txt")
    assert looked_up, "the edit dropped the cached site"
    assert "https://library.example.org/sitemap.xml" in response.content.decode()


def test_a_root_page_renamed_is_seen_by_the_next_request(client):
    site_queries(client, "/robots.txt")
    root = Site.objects.get(is_default_site=True).root_page.specific
    root.title = "Prague Process knowledge base"
    root.save()
    _response, looked_up = site_queries(client, "/robots.txt")
    assert looked_up
    assert Site.find_for_request(_response.wsgi_request).root_page.title == "Prague Process knowledge base"


def test_a_host_that_is_not_allowed_is_refused_and_not_cached(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/robots.txt", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert not [key for key in cache._cache if "evil.example.com" in key]


def test_a_page_deeper_than_the_roots_leaves_the_cache_alone(client):
    site_queries(client, "/robots.txt")
    page = Page.objects.filter(depth__gt=2, live=True).first().specific
    page.save()
    _response, looked_up = site_queries(client, "/robots.txt")
    assert looked_up == []
