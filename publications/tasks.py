"""Background work for documents: text extraction runs here, never in a request."""

from django_tasks import task

from wagtail.documents import get_document_model

from cms.models import ExtractionStatus

from .documents import reindex_document_and_pages, run_extraction


@task()
def extract_document_text(document_id):
    """Extract a pending document; one already done (``import_documents --extract-now``) is left alone.

    Every way of asking for an extraction (a new file, a retry) marks the document pending first.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:  # deleted before the worker got to it
        return None
    if document.extraction_status != ExtractionStatus.PENDING:
        return document.extraction_status
    return run_extraction(document).extraction_status


@task()
def reindex_collection_documents(collection_path):
    """A collection became private (or public): its files' text leaves (or joins) the pages' index entries."""
    for document in get_document_model().objects.filter(collection__path__startswith=collection_path):
        reindex_document_and_pages(document)
