"""Publishing an English page brings its dates and files to the live Russian page, and nothing else.

A factsheet is translated and published in Russian (its file row labelled in Russian); the
translator then saves a new Russian title in wagtail-localize without publishing it; a moderator
changes the English summary, the publication date, the document of the first file row and adds a
second row, and publishes.  Readers of the Russian page see the new date and files at once, the
Russian label kept and the new row in English, and not the translator's unpublished title.
"""

import datetime

import pytest

from django.core.files.base import ContentFile

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms.models import Document
from publications.models import FactsheetPage, PublicationFile, PublicationIndexPage

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "Returns factsheet (sync)": "Информационный листок о возвращении",
    "Returns in 2024.": "Возвращение в 2024 году.",
    "Annex I": "Приложение I",
}
UNPUBLISHED_TITLE = "Информационный листок о возвращении (черновик переводчика)"


def document(title):
    return Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4\n", name=f"{title}.pdf"))


def save_string(translation, english, russian):
    """What the translation editor does when a translator saves one string: no page is written."""
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": russian},
    )


@pytest.fixture
def factsheet(ru, django_capture_on_commit_callbacks):
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    english = library.add_child(
        instance=FactsheetPage(
            title="Returns factsheet (sync)",
            slug="returns-factsheet-sync",
            summary="Returns in 2024.",
            publication_date=datetime.date(2024, 1, 1),
            files=[PublicationFile(document=document("returns-2024"), label="Annex I", sort_order=0)],
        )
    )
    english.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(english, [ru])
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=ru)
    for source_text, russian_text in RUSSIAN.items():
        save_string(translation, source_text, russian_text)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return english, translation


def russian_page(english):
    return FactsheetPage.objects.get(translation_key=english.translation_key, locale__language_code="ru")


def publish_english_changes(english, django_capture_on_commit_callbacks):
    draft = english.get_latest_revision_as_object()
    draft.summary = "Returns in 2025."
    draft.publication_date = datetime.date(2025, 3, 1)
    draft.files.first().document = document("returns-2025")
    draft.files.add(PublicationFile(document=document("annex-2025"), label="Annex II", sort_order=1))
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()


def files(page):
    return [(row.document.title, row.label) for row in page.files.order_by("sort_order")]


def test_publishing_the_source_brings_dates_and_files_without_unpublished_strings(
    factsheet, client, django_capture_on_commit_callbacks
):
    english, translation = factsheet
    assert russian_page(english).live
    save_string(translation, "Returns factsheet (sync)", UNPUBLISHED_TITLE)

    publish_english_changes(english, django_capture_on_commit_callbacks)

    russian = russian_page(english)
    assert russian.publication_date == datetime.date(2025, 3, 1)
    assert files(russian) == [("returns-2025", "Приложение I"), ("annex-2025", "Annex II")]
    assert all(row.locale_id == russian.locale_id for row in russian.files.all())
    assert russian.title == RUSSIAN["Returns factsheet (sync)"]
    assert russian.summary == RUSSIAN["Returns in 2024."]  # new English text waits for the translator
    html = client.get(russian.url).content.decode()
    assert "Приложение I" in html and "Annex II" in html
    assert UNPUBLISHED_TITLE not in html
    assert "2025" in html


def test_the_latest_revision_carries_the_synchronised_values(factsheet, django_capture_on_commit_callbacks):
    """Otherwise a moderator publishing the Russian page from its editor would bring the old date back."""
    english, _translation = factsheet
    russian = russian_page(english)
    russian.search_description = "A Russian draft change"
    russian.save_revision()  # unpublished changes on the Russian page

    publish_english_changes(english, django_capture_on_commit_callbacks)

    draft = russian_page(english).get_latest_revision_as_object()
    assert draft.search_description == "A Russian draft change"
    assert draft.publication_date == datetime.date(2025, 3, 1)
    assert [(row.document.title, row.label) for row in draft.files.all()] == [
        ("returns-2025", "Приложение I"),
        ("annex-2025", "Annex II"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        russian_page(english).get_latest_revision().publish()
    assert files(russian_page(english)) == [("returns-2025", "Приложение I"), ("annex-2025", "Annex II")]


def test_the_translators_later_publish_keeps_the_new_synchronised_values(factsheet, django_capture_on_commit_callbacks):
    """wagtail-localize rebuilds the page from the source as last synced; the live source wins again."""
    english, translation = factsheet
    save_string(translation, "Returns factsheet (sync)", UNPUBLISHED_TITLE)
    publish_english_changes(english, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    russian = russian_page(english)
    assert russian.title == UNPUBLISHED_TITLE  # now published, by the translator
    assert russian.publication_date == datetime.date(2025, 3, 1)
    assert files(russian) == [("returns-2025", "Приложение I"), ("annex-2025", "Annex II")]


def test_a_translation_that_is_not_live_is_left_to_its_publication(ru, factsheet, django_capture_on_commit_callbacks):
    english, _translation = factsheet
    russian = russian_page(english)
    with django_capture_on_commit_callbacks(execute=True):
        russian.unpublish()

    publish_english_changes(english, django_capture_on_commit_callbacks)

    assert Page.objects.get(pk=russian.pk).specific.publication_date == datetime.date(2024, 1, 1)
