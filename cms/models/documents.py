"""The document model: every file the library publishes, with what we know about its content.

It lives in ``cms`` and has no foreign key to any page, so no app's migrations depend on
another's through it.  Pages point at documents, never the other way round.
"""

import urllib.parse
from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce
from operator import or_

from taggit.managers import TaggableManager

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search import index

from cms.languages import file_language_choices, file_language_name

FORMAT_MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain; charset=utf-8",
}


_restricted_memo = ContextVar("restricted_collection_ids", default=None)


@contextmanager
def restricted_collections_once(ids=None):
    """Within the block, ``restricted_collection_ids`` is looked up once (a page of search results
    asks it for every file row), or is ``ids`` when they were just read with something else
    (``search.scope.build_scope``).  Only for a block that changes no restriction."""
    token = _restricted_memo.set(frozenset(restricted_collection_ids() if ids is None else ids))
    try:
        yield
    finally:
        _restricted_memo.reset(token)


def restricted_collection_ids():
    """Collections behind a view restriction, with everything below them: their files are not public."""
    memo = _restricted_memo.get()
    if memo is not None:
        return set(memo)
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return set()
    below = reduce(or_, (Q(path__startswith=path) for path in paths))
    return set(Collection.objects.filter(below).values_list("id", flat=True))


def public_rows(rows):
    """The rows (file rows of a page) whose document anyone may see."""
    rows = [row for row in rows if row.document_id]
    if not rows:
        return rows
    private = restricted_collection_ids()
    return [row for row in rows if row.document.collection_id not in private]


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DONE = "done", _("Text extracted")
    NO_TEXT = "no_text", _("No text layer")
    FAILED = "failed", _("Failed")


class Document(AbstractDocument):
    # Redeclared only to give reverse accessors that do not clash with wagtaildocs.Document,
    # which shares this class name and stays installed.
    uploaded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by user"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="library_documents",
    )
    uploaded_by_user.wagtail_reference_index_ignore = True
    tags = TaggableManager(help_text=None, blank=True, verbose_name=_("tags"), related_name="library_documents")

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=file_language_choices,
        default="en",
        help_text=_("The language of the file itself, which may differ from the page that offers it."),
    )
    original_filename = models.CharField(_("original file name"), max_length=255, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True, editable=False)
    format = models.CharField(_("format"), max_length=10, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        db_index=True,
        editable=False,
    )
    preview = models.ImageField(_("first-page preview"), upload_to="document-previews", blank=True, editable=False)
    extraction_error = models.TextField(_("extraction problem"), blank=True, editable=False)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    admin_form_fields = WagtailDocument.admin_form_fields + ("language",)

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("search_text"),
        index.FilterField("language"),
        index.FilterField("extraction_status"),
    ]

    api_fields = ["language", "format", "page_count", "file_size", "original_filename", "extraction_status"]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    @classmethod
    def from_db(cls, db, field_names, values):
        document = super().from_db(db, field_names, values)
        # Remember which file was loaded: a save that keeps it (a title edit) needs no new checksum.
        document.loaded_file_name = document.__dict__.get("file") and document.file.name
        return document

    @property
    def file_unchanged(self):
        return bool(self.sha256) and getattr(self, "loaded_file_name", None) == self.file.name

    @property
    def url(self):
        """Our permanent address (``/documents/<id>/``): it survives replacing the file."""
        return reverse("document_permanent", args=[self.pk])

    @property
    def preview_url(self):
        """The first-page image, served with the document's own privacy (never straight from media)."""
        return reverse("document_preview", args=[self.pk]) if self.preview else ""

    @property
    def content_type(self):
        """The MIME type of what the file *is* (sniffed), not of what its name claims."""
        return FORMAT_MIME_TYPES.get(self.format) or super().content_type

    @property
    def content_disposition(self):
        """PDFs inline; everything else downloads, under the name it was uploaded with."""
        if self.content_type in settings.WAGTAILDOCS_INLINE_CONTENT_TYPES:
            return "inline"
        name = urllib.parse.quote(self.original_filename or self.filename)
        return f"attachment; filename={name}; filename*=UTF-8''{name}"

    @property
    def search_text(self):
        """The extracted text, capped to what every search backend accepts."""
        return self.extracted_text[: settings.SEARCH_TEXT_MAX_CHARS]

    @property
    def language_name(self):
        """The file's language named in the reader's language ("Czech", "чешский")."""
        return file_language_name(self.language)

    @property
    def language_tag(self):
        """A BCP 47 tag for ``lang``/``hreflang`` attributes; empty for several or undetermined languages."""
        return "" if self.language in ("mul", "und") else self.language

    @property
    def format_label(self):
        return (self.format or self.file_extension or "").upper()
