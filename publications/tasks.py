"""Background work for documents: text extraction runs here, never in a request."""

from django_tasks import task

from wagtail.documents import get_document_model

from .documents import run_extraction


@task()
def extract_document_text(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:  # deleted before the worker got to it
        return None
    return run_extraction(document).extraction_status
