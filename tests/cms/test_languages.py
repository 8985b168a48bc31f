"""File languages: BCP 47 primary subtags for every language of the participating states."""

import pytest

from django.utils import translation

from cms.languages import FILE_LANGUAGES, file_language_choices, file_language_name, normalise_file_language


@pytest.mark.parametrize(
    ("spelling", "code"),
    [("cs", "cs"), ("CES", "cs"), ("cze", "cs"), ("Czech", "cs"), ("pt-BR", "pt"), ("pt_PT", "pt"),
     ("cnr", "cnr"), ("Montenegrin", "cnr"), ("mt", "mt"), ("other", "und"), ("русский", "ru")],
)
def test_codes_names_and_iso_639_2_spellings_are_understood(spelling, code):
    assert normalise_file_language(spelling) == code


def test_unknown_languages_are_refused():
    assert normalise_file_language("klingon") is None
    assert normalise_file_language("") is None


def test_names_follow_the_reader():
    assert file_language_name("cnr", "en") == "Montenegrin"
    assert file_language_name("cnr", "ru") == "черногорский"
    with translation.override("ru"):
        assert file_language_name("mt") == "мальтийский"


def test_the_admin_lists_english_russian_first_then_every_national_language():
    codes = [code for code, _label in file_language_choices()]
    assert codes[:4] == ["en", "ru", "mul", "und"]
    assert sorted(codes) == sorted(FILE_LANGUAGES)
    assert {"cnr", "mt", "lb", "ka", "hy", "kk", "ky", "tg", "tk", "uz", "sq", "mk", "bs", "sr"} <= set(codes)


def test_every_primary_subtag_is_two_or_three_lowercase_letters():
    for code in FILE_LANGUAGES:
        assert code.isalpha() and code.islower() and len(code) in (2, 3), code


@pytest.mark.django_db
def test_the_migration_turns_other_into_und():
    """The data step of cms/0005 (run on the live registry: the model is unchanged since)."""
    import importlib

    from django.apps import apps

    from cms.models import Document

    migration = importlib.import_module("cms.migrations.0005_file_language_bcp47")
    # bulk_create: a row as the old code stored it, without the file handling of save()
    (document,) = Document.objects.bulk_create([Document(title="Old file", file="documents/old.pdf", language="other")])
    migration.other_to_und(apps, None)
    assert Document.objects.get(pk=document.pk).language == "und"
    migration.und_to_other(apps, None)
    assert Document.objects.get(pk=document.pk).language == "other"
