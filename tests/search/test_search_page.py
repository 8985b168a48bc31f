"""The public page /<locale>/search/: a GET form, facets with counts, snippets, no-results help."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_results_show_type_date_file_language_and_a_safe_snippet(client, make_publication):
    make_publication(
        "Kinkajou readmission study",
        summary="On <b>kinkajou</b> cooperation.<script>alert(1)</script>",
        file_text="Chapter on kinkajou returns.",
        file_language="ru",
        countries=["AM"],
    )
    response = client.get("/en/search/", {"q": "kinkajou"})
    html = response.content.decode()
    assert response.status_code == 200
    assert ">Kinkajou readmission study</a>" in html
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', html, re.S).group(1)
    assert "<mark>kinkajou</mark>" in snippet
    # the editor's markup is text, never markup on the results page
    assert "<b>" not in snippet and "<script>alert(1)" not in html
    assert '<span class="badge">Report</span>' in html
    assert "<span>1 May 2020</span>" in html
    assert re.search(r'class="[^"]*badge--lang"[^>]*>ru</span>', html)
    assert re.search(r'role="status">\s*1 result\b', html)
    # facets are plain GET forms with a count per value
    for name, value, label in [
        ("type", "publications.PublicationPage", "Other publication"),
        ("country", "AM", "Armenia"),
        ("language", "ru", "Russian"),
        ("year", "2020", "2020"),
    ]:
        assert re.search(
            rf'name="{name}" value="{re.escape(value)}"> {label} <span class="facet__count">\(1\)</span>', html
        ), name


@pytest.mark.smoke
def test_no_results_page_helps(client):
    response = client.get("/en/search/", {"q": "xylophonequartz", "country": "AM"})
    html = response.content.decode()
    assert response.status_code == 200 and "data-no-results" in html
    assert "Remove the filters" in html and "spelling" in html


def test_russian_reader_gets_english_fallback_marked(client, make_publication):
    make_publication("Ibex labour mobility note")
    html = client.get("/ru/search/", {"q": "ibex"}).content.decode()
    result = re.search(r'<li class="search-result" lang="(\w+)">(.*?)</li>', html, re.S)
    assert result.group(1) == "en"  # the English fallback is marked for screen readers
    assert 'hreflang="en">Ibex labour mobility note</a>' in result.group(2)


@pytest.mark.smoke
def test_bad_input_is_a_400_page_not_a_500(client):
    response = client.get("/en/search/", {"q": "x" * 300})
    assert response.status_code == 400
    assert "The search text is longer than 200 characters." in response.content.decode()
