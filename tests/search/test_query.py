"""Query parsing, synonym expansion and Python snippets: fast checks every backend relies on."""

import pytest

from django.http import QueryDict

from search.query import QueryError, parse_params
from search.snippets import build_snippet

pytestmark = [pytest.mark.smoke, pytest.mark.django_db]


def params(query):
    return parse_params(QueryDict(query))


def test_a_word_of_a_synonym_group_becomes_an_or_of_the_group_longest_phrase_first():
    clauses = params("q=North+Macedonia+return+policy").clauses()
    macedonia, back, plain = clauses
    assert {"North Macedonia", "FYROM", "Северная Македония"} <= set(macedonia)
    assert {"readmission", "реадмиссия", "возвращение"} <= set(back)
    assert plain == "policy"
    assert {"Turkey", "Турция"} <= set(params("q=turkiye").clauses()[0])  # accents folded


def test_filters_are_lists_and_countries_are_upper_case():
    parsed = params("q=x&country=am&country=GE&year=2020&sort=date&page=3&page_size=5")
    assert parsed.filters == {"country": ["AM", "GE"], "year": ["2020"]}
    assert (parsed.sort, parsed.page, parsed.offset) == ("date", 3, 10)


def test_the_api_refuses_page_size_zero_and_the_page_refuses_locale_all():
    with pytest.raises(QueryError) as error:
        params("q=x&page_size=0")
    assert error.value.parameter == "page_size"
    with pytest.raises(QueryError):
        parse_params(QueryDict("q=x&locale=all"), allow_all=False)


def test_python_snippets_mark_inflected_forms_and_escape_html():
    text = "Intro <script>alert(1)</script>. " + "filler " * 80 + "Соглашение о реадмиссии лиц и возвращение."
    snippet = build_snippet(text, ["реадмиссия"])
    assert "<mark>реадмиссии</mark>" in snippet and snippet.startswith("… ")
    assert "<script>" not in build_snippet(text, ["intro"]) and "&lt;script&gt;" in build_snippet(text, ["intro"])


def test_inflected_forms_of_a_synonym_still_expand_but_look_alikes_do_not():
    assert {"Turkey", "Türkiye"} <= set(params("q=Турции").clauses()[0])
    assert {"Kyrgyzstan", "Kyrgyz Republic"} <= set(params("q=Кыргызстане").clauses()[0])
    assert {"readmission", "реадмиссия"} <= set(params("q=returns").clauses()[0])
    assert params("q=Australia").clauses() == ["Australia"]


@pytest.mark.parametrize(
    "text, terms",
    [
        ("The readmission agreement; Readmission of persons", ["readmission"]),
        ("Pre-readmission talks, then readmissions", ["readmission"]),
        ("Соглашение о реадмиссии, трудовая миграция", ["миграция", "реадмиссия"]),
        ("Ёлка и елка", ["ёлка"]),
        ("_border x border", ["border"]),
        ("İstanbul and Turkey's border", ["turkey"]),  # a letter whose lower case is longer
        ("nothing to see here", ["asylum"]),
    ],
)
def test_the_first_match_of_a_long_text_is_found_where_the_snippet_marks_it(text, terms):
    from search.snippets import _first_match, first_position

    match = _first_match(text, terms)[1]
    assert first_position(text, terms) == (match.start() if match else None)


@pytest.mark.django_db
def test_a_files_text_is_read_to_the_indexs_limit_whatever_its_length():
    from django.db import connection

    from cms.models import Document
    from search.service import _head_sql

    short = Document.objects.create(title="short", extracted_text="Пять слов")  # 9 characters, 17 bytes
    long = Document.objects.create(title="long", extracted_text="Реадмиссия лиц")
    table = connection.ops.quote_name(Document._meta.db_table)
    with connection.cursor() as cursor:
        sql = f"SELECT title, {_head_sql('extracted_text')} FROM {table} WHERE id IN (%s, %s)"
        cursor.execute(sql, [10, 10, short.pk, long.pk])
        heads = dict(cursor.fetchall())
    assert heads == {"short": "Пять слов", "long": "Реадмиссия"}


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["en", "ru"])
@pytest.mark.parametrize("sites", [1, 2])
def test_a_results_url_is_the_one_wagtail_gives_its_page(rf, active, sites):
    """Results' URLs are built without page objects (``service.page_urls``): each must be the one
    the page itself gives, for every seed page, with and without a request, in either language,
    with one site or two (a second one rooted inside the first: its pages have two URLs)."""
    from django.utils import translation

    from wagtail.models import Page, Site

    from search.service import page_urls

    pages = list(Page.objects.filter(depth__gt=1))
    assert len(pages) > 20
    other = None
    if sites == 2:
        inner = Page.objects.filter(depth=3, numchild__gt=0).first()
        other = Site.objects.create(hostname="other.example", port=80, root_page=inner, site_name="Other")
    try:
        with translation.override(active):
            for request in (rf.get("/api/search/"), rf.get("/api/search/", HTTP_HOST="other.example"), None):
                urls = page_urls([page.url_path for page in pages], request)
                assert {page.url_path: page.get_url(request) for page in pages} == urls
    finally:  # the sites' root paths are cached beyond the test's transaction: deleting clears them
        if other is not None:
            other.delete()
