"""Publication pages: cite this (APA, BibTeX, RIS), citation_* meta, OpenGraph, permalink; discovery files."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from django.urls import reverse

from wagtail.models import Site

from cms.models import Organisation
from publications.models import (
    ActionPlanPage,
    GuidelinePage,
    PublicationIndexPage,
    PublicationOrganisation,
    PublicationPage,
)

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def meta(html, name):
    return re.findall(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)">', html)


@pytest.fixture
def dated_report():
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(
        instance=PublicationPage(
            title="Return and readmission: a study",
            slug="return-study",
            kind="study",
            summary="What states do.",
            publication_date=datetime.date(2014, 6, 1),
            publication_date_precision="month",
        )
    )
    icmpd = Organisation.objects.get(slug="icmpd", locale=page.locale)
    PublicationOrganisation.objects.create(page=page, organisation=icmpd, locale=page.locale)
    page.save_revision().publish()
    return page


def test_cite_this_gives_apa_with_the_group_author_and_year(client, dated_report):
    html = client.get(dated_report.url).content.decode()
    site = Site.objects.get(is_default_site=True)
    author = "International Centre for Migration Policy Development"
    apa = f"{author}. (2014). Return and readmission: a study. {site.root_url}{dated_report.url}"
    assert apa in html


def test_an_undated_publication_is_cited_without_an_invented_year(client):
    plan = ActionPlanPage.objects.get(locale__language_code="en")
    html = client.get(plan.url).content.decode()
    assert "Prague Process Action Plan 2012–2016. (n.d.)." in html
    assert meta(html, "citation_publication_date") == []


def test_ris_and_bibtex_downloads(client, dated_report):
    ris = client.get(dated_report.url + "cite/ris/")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert 'filename="return-study.ris"' in ris["Content-Disposition"]
    lines = ris.content.decode().splitlines()
    assert lines[0] == "TY  - RPRT"
    assert "AU  - International Centre for Migration Policy Development" in lines
    assert "PY  - 2014" in lines
    assert lines[-1] == "ER  - "
    bibtex = client.get(dated_report.url + "cite/bibtex/").content.decode()
    assert "author = {{International Centre for Migration Policy Development}}" in bibtex
    assert "year = {2014}" in bibtex


def test_highwire_and_opengraph_meta(client, dated_report):
    html = client.get(dated_report.url).content.decode()
    assert meta(html, "citation_title") == ["Return and readmission: a study"]
    assert meta(html, "citation_author") == ["International Centre for Migration Policy Development"]
    assert meta(html, "citation_publication_date") == ["2014/06"]
    assert meta(html, "og:type") == ["article"]
    assert meta(html, "og:description") == ["What states do."]
    assert meta(html, "og:url") == [Site.objects.get(is_default_site=True).root_url + dated_report.url]
    assert meta(html, "twitter:card") == ["summary"]
    assert meta(html, "description") == ["What states do."]


def test_russian_publication_page_is_cited_in_russian(client):
    plan = ActionPlanPage.objects.get(locale__language_code="ru")
    html = client.get(plan.url).content.decode()
    assert "План действий Пражского процесса на 2012–2016 годы. (б. г.)." in html
    assert meta(html, "citation_language") == ["ru"]
    assert meta(html, "og:locale") == ["ru_RU"]


def test_permalink_survives_a_new_slug(client, dated_report):
    permalink = reverse("permalink", args=[dated_report.pk])
    assert permalink in client.get(dated_report.url).content.decode()
    dated_report.slug = "renamed-study"
    dated_report.save_revision().publish()
    response = client.get(permalink)
    assert response.status_code == 302
    assert response["Location"].endswith("/renamed-study/")


def test_share_links_load_no_third_party_script(client, dated_report):
    html = client.get(dated_report.url).content.decode()
    assert "linkedin.com/sharing" in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)


def test_home_title_names_the_site_once(client):
    assert "<title>Prague Process</title>" in client.get("/en/").content.decode()
    assert "<title>Пражский процесс</title>" in client.get("/ru/").content.decode()


def test_sitemap_uses_the_site_host_and_lists_real_translations_as_alternates(client):
    site = Site.objects.get(is_default_site=True)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {url.findtext(f"{SITEMAP}loc"): url for url in root.iter(f"{SITEMAP}url")}
    assert urls and all(loc.startswith(site.root_url + "/") for loc in urls)
    plan = ActionPlanPage.objects.get(locale__language_code="en")
    alternates = {link.get("hreflang"): link.get("href") for link in urls[plan.get_full_url()].iter(f"{XHTML}link")}
    russian = ActionPlanPage.objects.get(locale__language_code="ru")
    assert alternates == {"en": plan.get_full_url(), "ru": russian.get_full_url()}


def test_an_english_only_page_has_no_alternates(client, dated_report):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entry = next(
        url for url in root.iter(f"{SITEMAP}url") if url.findtext(f"{SITEMAP}loc") == dated_report.get_full_url()
    )
    assert list(entry.iter(f"{XHTML}link")) == []


def test_robots_txt_names_the_sitemap_and_favicon_is_served(client):
    site = Site.objects.get(is_default_site=True)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {site.root_url}/sitemap.xml" in robots
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200
    assert b"".join(favicon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO signature


def test_related_publications_share_a_project_or_theme_in_the_readers_language(client):
    module = GuidelinePage.objects.get(locale__language_code="ru", slug="pp4-eac-training-module-inclusion-ru")
    html = client.get(module.url).content.decode()
    related = re.search(r'id="related-heading".*?</section>', html, re.S).group(0)
    # Pilot Project 4's other output, in Russian; not the module itself.
    assert "Руководящие принципы Пражского процесса по процедурам предоставления убежища" in related
    assert module.title not in related
