"""The public page /<locale>/search/: a GET form, facets with counts, snippets, no-results help."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_results_show_type_date_file_language_and_a_safe_snippet(client, make_publication):
    make_publication(
        "Okapi readmission study",
        summary="On <b>okapi</b> cooperation.",
        file_text="Chapter on okapi returns.",
        file_language="ru",
    )
    response = client.get("/en/search/", {"q": "okapi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Okapi readmission study" in html and "<mark>" in html
    assert "&lt;b&gt;" in html or "<b>okapi</b>" not in html  # the editor's text stays text
    assert "1 May 2020" in html or "2020" in html
    assert "badge--lang" in html and ">ru<" in html
    assert 'name="country"' in html or 'name="type"' in html  # facets are a plain form


@pytest.mark.smoke
def test_no_results_page_helps(client):
    response = client.get("/en/search/", {"q": "xylophonequartz", "country": "AM"})
    html = response.content.decode()
    assert response.status_code == 200 and "data-no-results" in html
    assert "Remove the filters" in html and "spelling" in html


def test_russian_reader_gets_english_fallback_marked(client, make_publication):
    make_publication("Ibex labour mobility note")
    html = client.get("/ru/search/", {"q": "ibex"}).content.decode()
    assert "Ibex labour mobility note" in html and 'lang="en"' in html


@pytest.mark.smoke
def test_bad_input_is_a_400_page_not_a_500(client):
    response = client.get("/en/search/", {"q": "x" * 300})
    assert response.status_code == 400 and "200" in response.content.decode()
