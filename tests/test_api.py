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


def test_documents_endpoint_lists_public_files_and_hides_private_ones(client):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Drafts for focal points")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    made = {}
    for title, collection in [("Readmission handbook (public)", root), ("Draft profile (private)", private)]:
        document = Document(title=title, collection=collection)
        document.file.save("api-probe.txt", ContentFile(b"Readmission."), save=False)
        document.save()
        made[title] = document

    data = get(client, "/api/v2/documents/", limit=100)
    listed = {item["title"]: item for item in data["items"]}
    assert data["meta"]["total_count"] == Document.objects.exclude(collection=private).count()
    assert "Draft profile (private)" not in listed
    public = listed["Readmission handbook (public)"]
    assert public["id"] == made["Readmission handbook (public)"].pk
    assert public["meta"]["download_url"].endswith(made["Readmission handbook (public)"].url)
    assert get(client, f"/api/v2/documents/{public['id']}/")["title"] == "Readmission handbook (public)"
    hidden = client.get(f"/api/v2/documents/{made['Draft profile (private)'].pk}/", follow=True)
    assert hidden.status_code == 404 and b"Draft profile" not in hidden.content


def test_unknown_type_is_a_clear_400(client):
    response = client.get(PAGES, {"type": "home.NoSuchPage"})
    assert response.status_code == 400
    assert "type" in response.json()["message"]


def test_page_detail_is_reachable_from_the_listing(client):
    """The listing's detail links resolve to the same page, through the router's own URL names."""
    listing = get(client, reverse("wagtailapi:pages:listing"), type="home.ProjectPage", locale="en", limit=1)
    item = listing["items"][0]
    detail = get(client, item["meta"]["detail_url"].replace("http://localhost", ""))
    assert detail["id"] == item["id"]
    assert detail["title"] == item["title"]
    assert detail["meta"]["type"] == "home.ProjectPage"
