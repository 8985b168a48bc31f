"""Every page type renders in both locales, relations in the page's own language, with a working switcher."""

import pytest

from wagtail.models import Page

from countries.models import CountryIndexPage, CountryPage
from home.models import HomePage, ProjectIndexPage, ProjectPage, StandardPage
from publications.models import (
    ActionPlanPage,
    FactsheetPage,
    GuidelinePage,
    JointDeclarationPage,
    PublicationIndexPage,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    StandardPage,
    ProjectIndexPage,
    ProjectPage,
    PublicationIndexPage,
    ActionPlanPage,
    JointDeclarationPage,
    FactsheetPage,
    GuidelinePage,
    CountryIndexPage,
    CountryPage,
]


def page_of(model, language):
    return model.objects.live().filter(locale__language_code=language).first()


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, f"{page.url} answered {response.status_code}"
    return response.content.decode()


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_page_type_renders(client, model, language):
    page = page_of(model, language)
    assert page is not None, f"the seed has no live {model.__name__} in {language}"
    assert page.url.startswith(f"/{language}/")
    html = html_of(client, page)
    assert f'<html lang="{language}"' in html
    assert page.title in html


def test_prefixed_home_pages_and_the_root(client):
    assert "Пражский процесс" in client.get("/ru/").content.decode()
    assert client.get("/en/").status_code == 200
    root = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert root.status_code == 200
    assert 'lang="ru"' in root.content.decode()


def test_russian_project_shows_partners_and_areas_in_russian(client):
    project = ProjectPage.objects.live().get(locale__language_code="ru", slug__startswith="pp-ti")
    html = html_of(client, project)
    assert "Польша" in html  # lead state, rendered from the Russian CountryPage
    assert "МЦРМП" in html  # implementing agency, the Russian Organisation snippet
    assert "Poland" not in html
    english = Page.objects.get(translation_key=project.translation_key, locale__language_code="en")
    assert "Poland" in html_of(client, english)


def test_country_page_lists_the_projects_where_the_state_has_a_role(client):
    poland = CountryPage.objects.live().get(locale__language_code="ru", iso_code="PL")
    html = html_of(client, poland)
    pp_ti = ProjectPage.objects.live().get(locale__language_code="ru", slug__startswith="pp-ti")
    assert pp_ti.title in html
    assert pp_ti.url in html  # linked to the Russian project page, not the English one


def test_language_switcher_goes_to_the_same_page(client):
    english = CountryPage.objects.live().get(locale__language_code="en", iso_code="KG")
    russian = CountryPage.objects.get(translation_key=english.translation_key, locale__language_code="ru")
    html = html_of(client, english)
    assert f'href="{russian.url}"' in html
    assert 'hreflang="ru"' in html
    back = html_of(client, russian)
    assert f'href="{english.url}"' in back


def test_project_page_query_count_stays_flat(client, django_assert_max_num_queries):
    project = ProjectPage.objects.live().get(locale__language_code="ru", slug__startswith="pp-ti")
    with django_assert_max_num_queries(60):
        client.get(project.url)


def test_the_sitemap_lists_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/projects/pp-ti/" in xml
    assert "/ru/projects/pp-ti/" in xml
    assert xml.count("<url>") == Page.objects.live().filter(depth__gte=2).count()
