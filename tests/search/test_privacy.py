"""What is private stays out of every backend's results: view-restricted pages (and the pages below
them), files in private collections, and the words of either in suggestions and autocomplete.

The search suite runs on SQLite, PostgreSQL, OpenSearch and Elasticsearch, so each case is proved
on each engine, not only on the database backend.
"""

import pytest

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from .conftest import refresh_index

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    response = client.get("/api/search/", {"q": q, "locale": "all", **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_a_view_restricted_page_and_the_pages_below_it_are_never_found(client, make_publication):
    parent = make_publication("Tapir restricted dossier", summary="Tapir negotiation positions.")
    child = make_publication("Tapir annex", summary="Tapir annex figures.", parent=parent)
    make_publication("Tapir public brief", summary="Tapir public summary.")
    PageViewRestriction.objects.create(page=parent, restriction_type="login")
    data = search(client, "tapir")
    assert [item["title"] for item in data["results"]] == ["Tapir public brief"]
    assert data["count"] == 1
    assert child.title not in client.get("/en/search/", {"q": "tapir annex"}).content.decode()
    suggested = client.get("/api/search/", {"q": "tapir", "autocomplete": "1"}).json()["results"]
    titles = [item["title"] for item in suggested]
    assert titles == ["Tapir public brief"]


def test_a_misspelling_is_never_corrected_to_a_private_word(client, make_publication):
    secret = make_publication("Pangolinsecret memo", summary="Pangolinsecret positions.")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    data = search(client, "pangolinsecrat")
    assert data["count"] == 0 and data["results"] == []
    assert "pangolinsecret" not in data["suggestion"].lower()


def test_the_text_of_a_file_in_a_private_collection_is_not_searchable(
    client, make_publication, django_capture_on_commit_callbacks
):
    page = make_publication("Ocelot talks", summary="Talks held in 2020.", file_text="Zanzibarquill negotiation notes.")
    assert search(client, "zanzibarquill")["count"] == 1
    private = Collection.get_first_root_node().add_child(name="Ocelot private notes")
    with django_capture_on_commit_callbacks(execute=True):
        document = page.files.first().document
        document.collection = private
        document.save()
        CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    refresh_index()
    data = search(client, "zanzibarquill")
    assert data["count"] == 0
    assert search(client, "ocelot talks")["results"][0]["title"] == "Ocelot talks"  # the page itself stays
    assert "Zanzibarquill" not in search(client, "ocelot talks")["results"][0]["snippet"]


def test_a_snippet_never_quotes_a_file_made_private_before_the_index_catches_up(client, make_publication):
    """The index may still hold a file's text after its collection turns private (the reindex is
    a background task): results quote and list files as they are now, from the database."""
    page = make_publication(
        "Caracal talks",
        summary="Переговоры caracal прошли в 2020 году.",  # the summary quotes the word, in Russian
        file_text="Caracal negotiation notes in English.",
        file_language="en",
    )
    english = search(client, "caracal")["results"][0]
    assert "negotiation notes" in english["snippet"] and english["file_languages"] == ["en"]
    private = Collection.get_first_root_node().add_child(name="Caracal private notes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    # moved without any signal: the index is not told, as when the worker has not run yet
    type(page.files.first().document).objects.filter(pk=page.files.first().document_id).update(collection=private)
    result = search(client, "caracal")["results"][0]
    assert result["title"] == "Caracal talks"
    assert "negotiation notes" not in result["snippet"] and result["file_languages"] == []


def test_a_translation_made_private_later_stops_finding_its_other_versions(
    client, make_publication, ru, django_capture_on_commit_callbacks
):
    from .conftest import translate

    english = make_publication("Serval mobility report", summary="Serval mobility figures.")
    russian = translate(english, ru, "Доклад о кочевьях рысей")

    def found():
        return [item["url"] for item in search(client, "кочевьях рысей", locale="en")["results"]]

    assert found() == [english.url]  # the Russian title finds the English version
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=russian, restriction_type="login")
    refresh_index()
    assert found() == []
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    refresh_index()
    assert found() == [english.url]


def test_a_private_translation_leaves_its_readers_the_public_version(
    client, make_publication, ru, django_capture_on_commit_callbacks
):
    from .conftest import translate

    english = make_publication("Caracal mobility report", summary="Caracal mobility figures.")
    russian = translate(english, ru, "Доклад о передвижениях каракалов")

    def found():
        return [item["url"] for item in search(client, "caracal mobility", locale="ru")["results"]]

    assert found() == [russian.url]  # a Russian reader gets the Russian version
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=russian, restriction_type="login")
    refresh_index()
    assert found() == [english.url]  # ... and the English one while the Russian is private
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    refresh_index()
    assert found() == [russian.url]
