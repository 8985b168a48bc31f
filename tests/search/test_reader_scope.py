"""Which readers a page's index entry names (``cms.reader_scope``), the engines' scope filter."""

from types import SimpleNamespace

import pytest

from search.checks import check_reader_scope
from search.scope import reader_codes


def page(language, live=True):
    return SimpleNamespace(locale=SimpleNamespace(language_code=language), live=live)


@pytest.mark.parametrize(
    ("language", "live_languages", "expected"),
    [
        ("en", {"en"}, ["en", "ru", "all"]),  # untranslated English: every reader
        ("en", {"en", "ru"}, ["en", "all"]),  # Russian readers get the Russian version
        ("ru", {"en", "ru"}, ["ru"]),
        ("ru", {"ru"}, ["en", "ru", "all"]),  # a Russian-only output: every reader
        ("cs", {"cs"}, []),  # a language no reader prefers is not shown
    ],
)
def test_a_page_names_the_readers_it_is_shown_to(language, live_languages, expected):
    assert reader_codes(page(language), live_languages) == expected


def test_a_draft_is_shown_to_nobody():
    assert reader_codes(page("en", live=False), {"ru"}) == []


def test_every_searchable_page_type_names_its_readers():
    assert check_reader_scope() == []
