"""Search fixtures: a freshly built index over the seed, and publications made to order."""

import datetime
import itertools

import pytest

from django.core.files.base import ContentFile

from modelsearch.backends import get_search_backend
from wagtail.models import Page

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The root conftest loads the seed and builds the index once; this removes the test indexes after."""
    yield
    backend = get_search_backend()
    if hasattr(backend, "es") and backend.index_prefix.startswith("pptest"):
        # By name: Elasticsearch refuses wildcard deletes (action.destructive_requires_name).
        names = list(backend.es.indices.get(index=f"{backend.index_prefix}*"))
        if names:
            backend.es.indices.delete(index=",".join(names))


def refresh_index():
    from cms.api import ENGINE_ERRORS  # either client's "no answer" errors

    backend = get_search_backend()
    if hasattr(backend, "es"):
        try:
            backend.get_index_for_model(Page).refresh()
        except ENGINE_ERRORS:  # tests of a stopped engine
            pass


@pytest.fixture
def library(en):
    from publications.models import PublicationIndexPage

    return PublicationIndexPage.objects.get(locale=en)


@pytest.fixture
def make_publication(library, en):
    """``make_publication(title, summary=..., file_text=..., file_language=..., countries=[ISO], ...)``."""
    from cms.models import Document, ThematicArea
    from countries.models import CountryPage
    from publications.models import PublicationCountry, PublicationFile, PublicationPage, PublicationThematicArea

    def make(
        title,
        *,
        summary="",
        file_text="",
        file_language="en",
        countries=(),
        thematic_areas=(),
        date=datetime.date(2020, 5, 1),
        kind="report",
        parent=None,
    ):
        page = PublicationPage(
            title=title, slug=f"search-test-{next(_counter)}", summary=summary, kind=kind, publication_date=date
        )
        if file_text:
            document = Document(
                title=f"{title} (file)", language=file_language, extracted_text=file_text, extraction_status="done"
            )
            document.file.save(f"search-test-{next(_counter)}.txt", ContentFile(file_text.encode()), save=False)
            document.save()
            # saving schedules a real extraction after commit; a test transaction never commits
            Document.objects.filter(pk=document.pk).update(extracted_text=file_text, extraction_status="done")
            document.refresh_from_db()
            page.files.add(PublicationFile(document=document, locale=en))
        for iso in countries:
            page.country_links.add(
                PublicationCountry(country=CountryPage.objects.get(iso_code=iso, locale=en), locale=en)
            )
        for slug in thematic_areas:
            page.thematic_area_links.add(
                PublicationThematicArea(thematic_area=ThematicArea.objects.get(slug=slug, locale=en), locale=en)
            )
        (parent or library).add_child(instance=page)
        page.save_revision().publish()
        refresh_index()
        return page

    return make


def translate(page, locale, title, summary=""):
    """A live translation of ``page`` in ``locale`` with its own title and summary."""
    from django.test import TestCase

    copy = page.copy_for_translation(locale)
    copy.title, copy.summary = title, summary
    # as after a real commit: the other versions' entries are re-indexed (what they hold and
    # which readers they are shown to)
    with TestCase.captureOnCommitCallbacks(execute=True):
        copy.save_revision().publish()
    refresh_index()
    return copy
