"""Public pages cost the same number of queries however much content they list."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from countries.models import CountryIndexPage, CountryPage
from home.models import PartnerRole, ProjectPage, ProjectPartner
from publications.models import PublicationCountry, PublicationIndexPage, PublicationPage

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_library_listing_is_flat(client):
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    poland = CountryPage.objects.get(locale__language_code="en", iso_code="PL")
    before = queries_for(client, library.url)
    for number in range(8):
        page = library.add_child(
            instance=PublicationPage(title=f"Report {number}", slug=f"report-{number}", kind="report")
        )
        PublicationCountry.objects.create(page=page, country=poland, locale=page.locale)
        page.save_revision().publish()
    assert queries_for(client, library.url) == before


def test_country_index_is_flat(client):
    index = CountryIndexPage.objects.get(locale__language_code="en")
    before = queries_for(client, index.url)
    for number in range(5):
        index.add_child(instance=CountryPage(title=f"Testland {number}", slug=f"testland-{number}", iso_code="ZZ"))
    assert queries_for(client, index.url) == before


def test_project_partner_list_is_flat(client):
    project = ProjectPage.objects.get(locale__language_code="ru", slug="pp-ti")
    before = queries_for(client, project.url)
    for iso in ("AT", "BE", "BG", "HR", "CY"):
        country = CountryPage.objects.get(locale__language_code="en", iso_code=iso)
        ProjectPartner.objects.create(
            page=project, role=PartnerRole.PARTICIPATING_STATE, country=country, locale=project.locale
        )
    html = client.get(project.url).content.decode()
    assert "Австрия" in html and "Кипр" in html  # rendered from the Russian country pages
    assert queries_for(client, project.url) == before
