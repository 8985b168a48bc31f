"""What the bulk import (``manage.py import_documents``) remembers about each manifest row.

One record per row ``key``: the checksum of what was imported (the normalised row plus the
SHA-256 of its file), the page and document it produced, and the page revision the import left
behind.  Re-running a manifest compares checksums (nothing changed → nothing written) and
compares the page's latest revision with ``imported_revision_id`` (someone edited the page in
the admin since → the row is reported, never overwritten).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    key = models.CharField(_("key"), max_length=255, unique=True)
    source = models.CharField(_("source"), max_length=1024, blank=True, help_text=_("The manifest or folder imported."))
    row_hash = models.CharField(_("row checksum"), max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    document = models.ForeignKey(
        "cms.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    imported_revision_id = models.BigIntegerField(_("imported revision"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import record")
        verbose_name_plural = _("import records")

    def __str__(self):
        return self.key
