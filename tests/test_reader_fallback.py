"""Every publication reaches readers of both languages: translated where it is, in English otherwise."""

import pytest

from wagtail.models import Page, PageViewRestriction

from countries.models import CountryPage
from home.models import PartnerRole, ProjectPage, ProjectPartner
from publications.models import PublicationCountry, PublicationIndexPage, PublicationPage, PublicationProject

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_only_report():
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    armenia = CountryPage.objects.get(locale__language_code="en", iso_code="AM")
    pp_ti = ProjectPage.objects.get(locale__language_code="en", slug="pp-ti")
    page = library.add_child(instance=PublicationPage(title="Zebra crossings report", slug="zebra", kind="report"))
    PublicationCountry.objects.create(page=page, country=armenia, locale=page.locale)
    PublicationProject.objects.create(page=page, project=pp_ti, locale=page.locale)
    page.save_revision().publish()
    return page


def russian(slug, model=Page):
    return model.objects.get(locale__language_code="ru", slug=slug)


def test_an_untranslated_publication_is_listed_for_russian_readers(client, english_only_report):
    for url in (russian("library").url, russian("armenia").url, russian("pp-ti").url, "/ru/"):
        html = client.get(url).content.decode()
        assert "Zebra crossings report" in html, url
        assert english_only_report.url in html, url  # the English page, as there is no Russian one


def test_a_translated_publication_is_listed_once_in_the_readers_language(client):
    html = client.get(russian("library").url).content.decode()
    assert "План действий Пражского процесса на 2012–2016 годы" in html
    assert "Prague Process Action Plan" not in html


def test_a_private_project_is_not_listed(client):
    eris = ProjectPage.objects.get(locale__language_code="en", slug="eris")
    PageViewRestriction.objects.create(page=eris, restriction_type="login")
    poland = CountryPage.objects.get(locale__language_code="en", iso_code="PL")
    ProjectPartner.objects.create(page=eris, role=PartnerRole.PARTICIPATING_STATE, country=poland, locale=eris.locale)
    assert "ERIS" not in client.get(eris.get_parent().url).content.decode()
    assert eris.url not in client.get(poland.url).content.decode()
