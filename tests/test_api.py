"""The Wagtail API v2 with the filters integrators need: type, locale, translation_of."""

import pytest

from django.urls import reverse

from countries.models import CountryPage
from home.models import ProjectPage
from publications.models import ActionPlanPage

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


@pytest.mark.parametrize(
    ("page_type", "model"),
    [
        ("home.ProjectPage", ProjectPage),
        ("publications.ActionPlanPage", ActionPlanPage),
        ("countries.CountryPage", CountryPage),
    ],
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_type_and_locale_filters(client, page_type, model, language):
    data = get(client, PAGES, type=page_type, locale=language, limit=100)
    expected = model.objects.live().filter(locale__language_code=language).count()
    assert expected > 0
    assert data["meta"]["total_count"] == expected
    assert {item["meta"]["type"] for item in data["items"]} == {page_type}
    assert {item["meta"]["locale"] for item in data["items"]} == {language}


def test_fifty_states_in_each_language(client):
    for language in ("en", "ru"):
        assert get(client, PAGES, type="countries.CountryPage", locale=language)["meta"]["total_count"] == 50


def test_translation_of_returns_the_russian_page(client):
    english = ProjectPage.objects.live().get(locale__language_code="en", acronym="PP TI")
    data = get(client, PAGES, type="home.ProjectPage", translation_of=english.pk, locale="ru", fields="acronym")
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["meta"]["locale"] == "ru"
    assert item["acronym"] == "ЦИ ПП"


def test_project_detail_lists_partners_by_role(client):
    english = ProjectPage.objects.live().get(locale__language_code="en", acronym="PP TI")
    data = get(client, f"{PAGES}{english.pk}/")
    roles = {(row["role"]) for row in data["partners"]}
    assert {"lead_state", "implementing_agency"} <= roles


def test_documents_endpoint_answers(client):
    data = get(client, "/api/v2/documents/")
    assert "items" in data


def test_unknown_type_is_a_clear_400(client):
    response = client.get(PAGES, {"type": "home.NoSuchPage"})
    assert response.status_code == 400
    assert "type" in response.json()["message"]


def test_api_root_is_routed():
    assert reverse("wagtailapi:pages:listing") == PAGES
