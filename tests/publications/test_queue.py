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


@pytest.mark.django_db(transaction=True)
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
