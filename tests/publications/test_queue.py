"""Extraction runs on the real database queue: the request only enqueues, the worker extracts."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings

from wagtail.documents import get_document_model

from cms.models import ExtractionStatus

from .files import make_pdf

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saving_a_document_queues_extraction_for_the_worker(tmp_path):
    pdf = make_pdf(tmp_path / "profile.pdf", ["Миграционный профиль Республики Молдова"])
    with override_settings(TASKS=DATABASE_QUEUE):
        document = get_document_model()(title="Migration profile")
        document.file.save("profile.pdf", ContentFile(pdf.read_bytes()), save=True)

        document.refresh_from_db()
        assert document.extraction_status == ExtractionStatus.PENDING
        queued = DBTaskResult.objects.filter(task_path="publications.tasks.extract_document_text")
        assert queued.count() == 1

        call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)

    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Миграционный профиль" in document.extracted_text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_import_command_works_through_the_queue_and_reports_unreadable_files(tmp_path, capsys):
    """The worker commits and closes connections, so this test commits too (and restores the data after)."""
    from wagtail.models import Page

    from publications.models import PublicationIndexPage

    home = Page.objects.get(depth=2, locale__language_code="en")
    if not PublicationIndexPage.objects.filter(locale=home.locale).exists():  # a flushed database
        home.add_child(instance=PublicationIndexPage(title="Library", slug="library")).save_revision().publish()

    make_pdf(tmp_path / "plan.pdf", ["Readmission agreements: the wombatword action plan"])
    (tmp_path / "broken.pdf").write_bytes(make_pdf(tmp_path / "whole.pdf", ["text"]).read_bytes()[:300])
    (tmp_path / "manifest.csv").write_text(
        "key,file,title,language,type,date,countries,thematic_areas,summary,translation_of,publish,legacy_url\n"
        "plan,plan.pdf,Queue plan,en,report,2015,,,,,yes,\n"
        "broken,broken.pdf,Broken file,en,report,2015,,,,,yes,\n"
    )
    with override_settings(TASKS=DATABASE_QUEUE):
        call_command("import_documents", str(tmp_path / "manifest.csv"), no_progress=True)
    output = capsys.readouterr().out
    assert "2 created" in output
    assert "text not extracted: broken.pdf" in output
    assert not DBTaskResult.objects.filter(status="READY").exists()
    plan = get_document_model().objects.get(original_filename="plan.pdf")
    assert plan.extraction_status == ExtractionStatus.DONE
    assert Page.objects.live().search("wombatword").count() == 1
