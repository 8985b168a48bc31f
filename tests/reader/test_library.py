"""The library: combinable filters with counts, sort, pagination, shareable URLs, feeds."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Site

from countries.models import CountryPage
from publications.models import (
    PublicationCountry,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return PublicationIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def library_ru():
    return PublicationIndexPage.objects.get(locale__language_code="ru")


def add_report(library, title, *, date=None, iso=None, language=None, kind="report"):
    page = library.add_child(
        instance=PublicationPage(title=title, slug=re.sub(r"\W+", "-", title.lower()), kind=kind, publication_date=date)
    )
    if iso:
        country = CountryPage.objects.get(locale__language_code="en", iso_code=iso)
        PublicationCountry.objects.create(page=page, country=country, locale=page.locale)
    if language:
        document = get_document_model()(title=f"{title}.txt", language=language)
        document.file.save(f"{page.slug}.txt", ContentFile(b"text"), save=False)
        document.save()
        PublicationFile.objects.create(page=page, document=document, locale=page.locale)
    page.save_revision().publish()
    return page


def titles(html):
    listing = re.search(r'<ul class="listing">(.*?)</ul>', html, re.S)
    return re.findall(r"<h2><a [^>]*>(.*?)</a></h2>", listing.group(1)) if listing else []


def options(html, name):
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', html, re.S)
    return re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select.group(1)) if select else []


def test_type_filter_lists_only_that_type_and_counts_hide_empty_types(client, library):
    html = client.get(library.url, {"type": "guidelines"}).content.decode()
    assert len(titles(html)) == 3
    assert "3 publications" in html
    type_options = dict(options(html, "type"))
    assert type_options["guidelines"] == "Guidelines (3)"
    assert "report" not in type_options  # no report is published: not offered


def test_filters_combine_and_each_facet_counts_over_the_other_filters(client, library):
    html = client.get(library.url, {"type": "guidelines", "theme": "asylum-protection"}).content.decode()
    assert titles(html) == ["Prague Process Guidelines on asylum procedures and training needs"]
    # Other types stay offered with their counts for the chosen theme, so the reader can switch.
    assert dict(options(html, "type"))["training_module"] == "Training module (1)"


def test_country_region_year_and_language_filters(client, library):
    add_report(library, "Armenian labour report", date=datetime.date(2014, 5, 1), iso="AM", language="ru")
    add_report(library, "Polish border report", date=datetime.date(2015, 1, 1), iso="PL", language="en")
    assert titles(client.get(library.url, {"country": "AM"}).content.decode()) == ["Armenian labour report"]
    assert titles(client.get(library.url, {"region": "eu-schengen"}).content.decode()) == ["Polish border report"]
    assert titles(client.get(library.url, {"year": "2015"}).content.decode()) == ["Polish border report"]
    html = client.get(library.url, {"language": "ru"}).content.decode()
    assert titles(html) == ["Armenian labour report"]
    assert ("AM", "Armenia (1)") in options(html, "country")
    assert dict(options(html, "year")) == {"2014": "2014 (1)"}


def test_country_names_in_the_russian_library_are_russian(client, library, library_ru):
    add_report(library, "Armenian labour report", iso="AM")
    html = client.get(library_ru.url).content.decode()
    assert ("AM", "Армения (1)") in options(html, "country")


def test_items_show_type_date_languages_and_mark_an_english_fallback(client, library, library_ru):
    add_report(library, "Armenian labour report", date=datetime.date(2014, 5, 1), language="ru")
    html = client.get(library_ru.url, {"sort": "date"}).content.decode()
    items = re.findall(r"<li>\s*<div class=\"listing__meta\">(.*?)</li>", html, re.S)
    text = next((item for item in items if "Armenian labour report" in item), "")
    assert text, "the English-only report is listed for Russian readers"
    assert "Доклад" in text
    assert "1 мая 2014" in text
    assert "Русский" in text
    assert "на английском" in text
    assert 'lang="en"' in text


def test_sort_by_title_and_by_date(client, library):
    add_report(library, "Aaa report", date=datetime.date(2010, 1, 1))
    add_report(library, "Zzz report", date=datetime.date(2020, 1, 1))
    by_title = titles(client.get(library.url, {"sort": "title"}).content.decode())
    assert by_title == sorted(by_title)
    assert by_title[0] == "Aaa report"
    assert titles(client.get(library.url).content.decode())[0] == "Zzz report"


def test_pagination_keeps_the_filters(client, library):
    for number in range(22):
        add_report(library, f"Report {number:02d}")
    html = client.get(library.url, {"type": "report"}).content.decode()
    assert len(titles(html)) == 20
    assert "type=report&amp;page=2" in html
    second = client.get(library.url, {"type": "report", "page": 2}).content.decode()
    assert len(titles(second)) == 2


def test_an_active_filter_can_be_removed(client, library):
    html = client.get(library.url, {"type": "guidelines", "theme": "asylum-protection"}).content.decode()
    assert f'href="{library.url}?type=guidelines"' in html  # removes the theme, keeps the type


def test_library_queries_stay_flat_from_10_to_100_publications(client, library):
    def count(params):
        client.get(library.url, params)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(library.url, params).status_code == 200
        return len(captured.captured_queries)

    for number in range(10):
        add_report(library, f"Batch {number}", date=datetime.date(2000 + number, 1, 1), iso="AM", language="en")
    before = [count({}), count({"country": "AM", "language": "en"})]
    for number in range(10, 100):
        add_report(library, f"Batch {number}", iso="PL", language="ru")
    assert [count({}), count({"country": "AM", "language": "en"})] == before


def feed_items(response):
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def test_rss_feed_follows_the_filters_and_takes_its_host_from_the_site(client, library):
    site = Site.objects.get(is_default_site=True)
    response = client.get(library.url + "feed/rss/", {"type": "guidelines"})
    assert response["Content-Type"].startswith("application/rss+xml")
    assert len(feed_items(response)) == 3
    links = re.findall(r"<link>(.*?)</link>", response.content.decode())
    assert links and all(link.startswith(site.root_url) for link in links)


def test_atom_feed_in_russian(client, library_ru):
    response = client.get(library_ru.url + "feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "План действий Пражского процесса" in body
    assert ET.fromstring(response.content).get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"


def test_the_library_links_its_filtered_feeds(client, library):
    html = client.get(library.url, {"type": "guidelines"}).content.decode()
    assert f'type="application/rss+xml" title="RSS feed: Library" href="{library.url}feed/rss/?type=guidelines"' in html
