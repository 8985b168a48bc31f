"""What the library knows about a file: checksum, type sniffed from content, size, and its text.

Used by every way in (the admin upload form, the bulk import) so both validate alike, and by
the extraction task, which runs on the queue and never in a request.
"""

import hashlib
import logging
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search import index

from cms.models import ExtractionStatus

from .extraction import extract, sniff

logger = logging.getLogger(__name__)

CHUNK = 1024 * 1024


class RefusedFile(ValueError):
    """A file the library does not accept; the message names the file and the reason."""


def sha256_of(fileobj):
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def validate_file(path, *, name=None, size=None):
    """Sniff ``path``; return the kind (``pdf``, ``docx``...) or raise ``RefusedFile``."""
    name = name or Path(path).name
    size = Path(path).stat().st_size if size is None else size
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if size > limit:
        raise RefusedFile(
            _("%(name)s: %(size).1f MB is over the %(limit)d MB limit.")
            % {"name": name, "size": size / 1e6, "limit": limit // (1024 * 1024)}
        )
    result = sniff(path)
    if result.kind is None:
        raise RefusedFile(_("%(name)s: refused: %(reason)s.") % {"name": name, "reason": result.reason})
    return result.kind


def find_duplicate(sha256, exclude_pk=None):
    documents = get_document_model().objects.filter(sha256=sha256)
    if exclude_pk:
        documents = documents.exclude(pk=exclude_pk)
    return documents.order_by("pk").first()


def refresh_fingerprint(document):
    """Recompute checksum, size and format from the stored file; return True if the content changed."""
    with document.file.open("rb") as handle:
        sha256 = sha256_of(handle)
    changed = sha256 != document.sha256
    updates = {"sha256": sha256, "file_size": document.file.size}
    if changed:
        try:
            kind = sniff(document.file.path).kind
        except NotImplementedError:  # remote storage: trust the extension
            kind = None
        updates.update(
            format=kind or document.file_extension.lower(),
            extraction_status=ExtractionStatus.PENDING,
            extraction_error="",
            extracted_text="",
            page_count=None,
        )
        if not document.original_filename:
            updates["original_filename"] = Path(document.file.name).name
    type(document).objects.filter(pk=document.pk).update(**updates)
    for field, value in updates.items():
        setattr(document, field, value)
    return changed


def schedule_extraction(document):
    from .tasks import extract_document_text

    transaction.on_commit(lambda: extract_document_text.enqueue(document.pk))


def run_extraction(document):
    """Extract the text of ``document`` in a limited subprocess and store the outcome.

    The outcome is written only if the file is still the one that was read: a new version
    uploaded meanwhile is pending again and its own task extracts it.
    """
    limits = settings.DOCUMENT_EXTRACTION_LIMITS
    sha256 = document.sha256
    try:
        path = document.file.path
    except NotImplementedError:
        path = None
    preview_name = None
    if path is None or not Path(path).exists():
        status, text, pages, reason = ExtractionStatus.FAILED, "", None, _("the stored file is missing")
    else:
        with tempfile.TemporaryDirectory() as folder:
            preview_path = Path(folder) / "preview.png"
            result = extract(path, expected_kind=document.file_extension, preview_path=preview_path, **limits)
            if result.preview and preview_path.exists():
                preview_name = store_preview(document, preview_path)
        status = {"done": ExtractionStatus.DONE, "no_text": ExtractionStatus.NO_TEXT}.get(
            result.status, ExtractionStatus.FAILED
        )
        text, pages, reason = result.text, result.page_count, result.reason
    updates = {
        "extraction_status": status,
        "extracted_text": text,
        "page_count": pages,
        "extraction_error": reason if status != ExtractionStatus.DONE else "",
        "extracted_at": timezone.now(),
    }
    if preview_name:
        updates["preview"] = preview_name
    written = type(document).objects.filter(pk=document.pk, sha256=sha256).update(**updates)
    document.refresh_from_db()
    if written:
        reindex_document_and_pages(document)
    return document


def store_preview(document, png_path):
    """Keep the first-page image beside the document (replacing an older one)."""
    if document.preview:
        document.preview.delete(save=False)
    with open(png_path, "rb") as handle:
        document.preview.save(f"document-{document.pk}.png", File(handle), save=False)
    return document.preview.name


def pages_using(document):
    """Every page (all locales) that offers ``document`` as a file."""
    from countries.models import CountryProfileDocument

    from .models import PublicationFile

    page_ids = set(PublicationFile.objects.filter(document=document).values_list("page_id", flat=True))
    page_ids |= set(CountryProfileDocument.objects.filter(document=document).values_list("page_id", flat=True))
    return Page.objects.filter(pk__in=page_ids).specific()


def reindex_document_and_pages(document):
    index.insert_or_update_object(document)
    for page in pages_using(document):
        index.insert_or_update_object(page)
