"""What a reader gets from /api/search/ on whichever backend is configured."""

import pytest

from .conftest import translate

pytestmark = pytest.mark.django_db

PDF_PHRASE = "quarantined verification procedures for biometric passports"


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["results"]]


@pytest.mark.smoke
def test_a_phrase_inside_a_pdf_finds_its_publication(client, make_publication):
    make_publication("Border study alpha", summary="A study.", file_text=f"Annex. The {PDF_PHRASE} were reviewed.")
    data = api(client, q="biometric passports verification")
    assert "Border study alpha" in titles(data)
    hit = data["results"][titles(data).index("Border study alpha")]
    assert "<mark>" in hit["snippet"] and hit["type"] == "publications.PublicationPage"


def test_facets_count_the_whole_result_set_and_filters_combine(client, make_publication):
    make_publication("Zebrafinch report one", countries=["AM"], thematic_areas=["legal-migration"], file_text="x" * 5)
    make_publication("Zebrafinch report two", countries=["AM", "GE"], date=__import__("datetime").date(2018, 1, 1))
    make_publication(
        "Zebrafinch report three",
        countries=["GE"],
        thematic_areas=["legal-migration"],
        file_text="Отчёт на русском",
        file_language="ru",
    )
    data = api(client, q="zebrafinch", page_size=1)
    assert data["count"] == 3 and len(data["results"]) == 1  # counts are not limited to the page
    country = {item["value"]: item["count"] for item in data["facets"]["country"]}
    assert country == {"AM": 2, "GE": 2}
    assert {item["value"]: item["count"] for item in data["facets"]["year"]} == {"2020": 2, "2018": 1}
    assert {item["value"]: item["count"] for item in data["facets"]["language"]} == {"en": 1, "ru": 1}
    labels = {item["value"]: item["label"] for item in data["facets"]["country"]}
    assert labels["AM"] == "Armenia"
    # AND across facets, OR within one
    assert api(client, q="zebrafinch", country="GE", thematic_area="legal-migration")["count"] == 1
    assert api(client, q="zebrafinch", country=["AM", "GE"])["count"] == 3
    both = api(client, q="zebrafinch", country="AM", year="2018")
    assert titles(both) == ["Zebrafinch report two"]
    # a facet's own selection does not hide its other values
    assert {i["value"] for i in both["facets"]["year"]} == {"2020", "2018"}
    assert api(client, q="zebrafinch", language="ru")["count"] == 1
    assert api(client, q="zebrafinch", type="home.ProjectPage")["count"] == 0
    assert api(client, q="zebrafinch", type="publications.PublicationPage")["count"] == 3
    assert {item["value"]: item["count"] for item in data["facets"]["type"]} == {"publications.PublicationPage": 3}


def test_every_page_of_a_long_result_list_counts_every_match(client, make_publication):
    # A page further on (here the second and third, past the first ten matches) counts and
    # faceted by every match, as the first is, not by what the page shows.
    for number in range(12):
        make_publication(f"Wombat survey {number}", countries=["AM"] if number % 4 == 0 else ["GE"])
    pages = [api(client, q="wombat survey", page_size=5, page=page) for page in (1, 2, 3)]
    assert [len(data["results"]) for data in pages] == [5, 5, 2]
    seen = [title for data in pages for title in titles(data)]
    assert sorted(seen) == sorted(f"Wombat survey {number}" for number in range(12))
    for data in pages:
        assert data["count"] == 12
        assert {item["value"]: item["count"] for item in data["facets"]["country"]} == {"AM": 3, "GE": 9}
        assert not any(item["partial"] for item in data["results"])


def test_sort_by_date_and_pagination(client, make_publication):
    import datetime

    for year in (2014, 2019, 2016):
        make_publication(f"Quokka paper {year}", date=datetime.date(year, 3, 1))
    data = api(client, q="quokka", sort="date")
    assert titles(data) == ["Quokka paper 2019", "Quokka paper 2016", "Quokka paper 2014"]
    second = api(client, q="quokka", sort="date", page_size=2, page=2)
    assert titles(second) == ["Quokka paper 2014"] and second["count"] == 3


def test_each_publication_once_in_the_readers_language_or_in_english(client, make_publication, ru):
    translated = make_publication("Capybara migration review", summary="Capybara")
    make_publication("Capybara labour note", summary="Capybara")
    translate(translated, ru, "Обзор миграции капибара", summary="Capybara")
    ru_data = api(client, q="capybara", locale="ru")
    assert sorted((item["title"], item["locale"]) for item in ru_data["results"]) == [
        ("Capybara labour note", "en"),
        ("Обзор миграции капибара", "ru"),
    ]
    en_data = api(client, q="capybara", locale="en")
    assert sorted(titles(en_data)) == ["Capybara labour note", "Capybara migration review"]
    assert api(client, q="capybara", locale="all")["count"] == 2


def test_unpublishing_a_translation_brings_back_the_english_version_for_its_readers(client, make_publication, ru):
    """Which version a reader is shown follows the translations' live state on every backend (the
    engines keep it in each page's entry: unpublishing one version re-indexes the others)."""
    from django.test import TestCase

    from .conftest import refresh_index

    english = make_publication("Dugong asylum survey", summary="Dugong")
    russian = translate(english, ru, "Обзор убежища дюгонь", summary="Dugong")
    assert [(item["title"], item["locale"]) for item in api(client, q="dugong", locale="ru")["results"]] == [
        ("Обзор убежища дюгонь", "ru")
    ]
    russian.refresh_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        russian.unpublish()
    refresh_index()
    assert [(item["title"], item["locale"]) for item in api(client, q="dugong", locale="ru")["results"]] == [
        ("Dugong asylum survey", "en")
    ]
    assert titles(api(client, q="dugong", locale="en")) == ["Dugong asylum survey"]


def test_synonyms_editors_add_apply_at_once(client, make_publication):
    from search.models import SynonymGroup

    make_publication("Türkiye and the Silk Routes", summary="Cooperation with Türkiye.")
    assert "Türkiye and the Silk Routes" in titles(api(client, q="Turkey"))  # preloaded group
    make_publication("Wombat handbook")
    assert api(client, q="marsupial")["count"] == 0
    SynonymGroup.objects.create(name="Wombat", terms="marsupial; wombat")
    assert titles(api(client, q="marsupial")) == ["Wombat handbook"]


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": " ".join(["word"] * 31)}, "q"),
        ({"q": "abc\x00def"}, "q"),
        ({"q": "a", "locale": "de"}, "locale"),
        ({"q": "a", "sort": "random"}, "sort"),
        ({"q": "a", "page_size": "101"}, "page_size"),
        ({"q": "a", "page": "zero"}, "page"),
    ],
)
def test_bad_requests_are_refused_naming_the_parameter(client, params, parameter):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter and response.json()["error"]


def test_autocomplete_suggests_titles_as_you_type(client, make_publication):
    make_publication("Pangolin trafficking assessment")
    response = client.get("/api/search/", {"q": "pangol", "autocomplete": "1"})
    assert response.status_code == 200
    assert "Pangolin trafficking assessment" in [item["title"] for item in response.json()["results"]]


def test_a_russian_only_output_is_found_by_english_readers(client, make_publication, ru):
    from publications.models import PublicationIndexPage

    library_ru = PublicationIndexPage.objects.get(locale=ru)
    make_publication("Модуль по инклюзии ЕАЭС выхухоль", summary="Выхухоль", parent=library_ru)
    en_data = api(client, q="выхухоль", locale="en")
    found = [(item["title"], item["locale"]) for item in en_data["results"]]
    assert found == [("Модуль по инклюзии ЕАЭС выхухоль", "ru")]


def test_a_query_in_either_language_finds_the_publication_for_every_reader(client):
    """The Action Plan exists in both languages: a Russian query finds it for English readers too."""
    for locale in ("en", "all"):
        data = client.get("/api/search/", {"q": "план действий", "locale": locale}).json()
        titles = [item["title"] for item in data["results"]]
        assert "Prague Process Action Plan 2012–2016" in titles, (locale, titles)
    data = client.get("/api/search/", {"q": "action plan", "locale": "ru"}).json()
    assert "План действий Пражского процесса на 2012–2016 годы" in [item["title"] for item in data["results"]]


def test_publishing_a_translation_updates_the_other_languages_entry(
    client, make_publication, ru, django_capture_on_commit_callbacks
):
    from .conftest import refresh_index, translate

    english = make_publication("Capybara mobility report")
    with django_capture_on_commit_callbacks(execute=True):
        translate(english, ru, "Доклад о мобильности капибар")
    refresh_index()
    data = client.get("/api/search/", {"q": "капибар", "locale": "en"}).json()
    assert [item["url"] for item in data["results"]] == [english.url]
