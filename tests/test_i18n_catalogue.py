"""The Russian interface catalogue: compiled, complete for the public site, and in step with its source."""

from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.smoke

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES"


def test_the_compiled_catalogue_matches_the_po_file():
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(CATALOGUE / "django.po").translated_entries()
    }
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.mofile(CATALOGUE / "django.mo")}
    stale = {key for key in source if compiled.get(key) != source[key]}
    assert not stale, f"run `make messages`: django.mo is older than django.po for {sorted(stale)[:5]}"


def test_public_strings_are_translated():
    with translation.override("ru"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
        assert translation.gettext("Files") != "Files"


def test_every_catalogue_entry_is_translated():
    catalogue = polib.pofile(CATALOGUE / "django.po")
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert not missing, f"translate these in locale/ru/LC_MESSAGES/django.po: {missing[:10]}"


def test_search_facet_headings_are_translated():
    from search.facets import FACET_LABELS, facet_title

    with translation.override("ru"):
        untranslated = [label for name, label in FACET_LABELS.items() if facet_title(name) == label]
    assert not untranslated
