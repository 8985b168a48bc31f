"""Bilingual analysis: inflected Russian and English words find each other's forms."""

import pytest

from modelsearch.backends import get_search_backend

pytestmark = pytest.mark.django_db


def engine():
    return hasattr(get_search_backend(), "es")


@pytest.mark.search_engine
def test_the_index_default_analyzer_stems_both_languages():
    from wagtail.models import Page

    backend = get_search_backend()
    index = backend.get_index_for_model(Page).name

    def tokens(text):
        return [
            t["token"]
            for t in backend.es.indices.analyze(index=index, body={"analyzer": "default", "text": text})["tokens"]
        ]

    assert tokens("реадмиссии") == tokens("реадмиссия")
    assert tokens("трудовой миграции") == tokens("трудовая миграция")
    assert tokens("returns") == ["return"]
    assert tokens("Returns реадмиссии") == ["return"] + tokens("реадмиссия")  # each stemmer leaves the other alone


ENGLISH = ("Assisted voluntary return programmes", "returns")
RUSSIAN = [("Трудовая миграция в регионе", "трудовой миграции"), ("Соглашение о реадмиссия лиц", "реадмиссии")]


@pytest.mark.parametrize(("stored", "query"), [ENGLISH, *RUSSIAN])
def test_inflected_queries_find_the_stored_form(client, make_publication, stored, query):
    make_publication(f"Analysis probe {stored}", summary=stored)
    data = client.get("/api/search/", {"q": query, "locale": "all"}).json()
    assert f"Analysis probe {stored}" in [item["title"] for item in data["results"]]


@pytest.mark.search_engine
def test_engine_answers_searches_itself(client, make_publication):
    make_publication("Engine probe narwhal")
    data = client.get("/api/search/", {"q": "narwhal"}).json()
    assert data["backend"] == "engine" and data["count"] == 1
