"""The admin's document form: the type is sniffed from the content, size is capped, duplicates are offered."""

import tempfile
from pathlib import Path

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm

from .documents import RefusedFile, find_duplicate, sha256_of, validate_file


def _validate_upload(upload):
    """Sniff an upload from a filesystem path (large uploads already have one)."""
    if hasattr(upload, "temporary_file_path"):
        return validate_file(upload.temporary_file_path(), name=upload.name, size=upload.size)
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        upload.seek(0)
        return validate_file(handle.name, name=upload.name, size=upload.size)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "chunks"):
            return upload  # unchanged file on edit
        try:
            kind = _validate_upload(upload)
        except RefusedFile as exc:
            raise forms.ValidationError(str(exc)) from exc
        duplicate = find_duplicate(sha256_of(upload), exclude_pk=self.instance.pk)
        if duplicate is not None:
            raise forms.ValidationError(
                format_html(
                    _('{name} is already in the library as <a href="{url}">“{title}”</a>: use that document instead.'),
                    name=upload.name,
                    url=reverse("wagtaildocs:edit", args=[duplicate.pk]),
                    title=duplicate.title,
                )
            )
        upload.sniffed_kind = kind
        return upload

    def save(self, commit=True):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "chunks"):
            self.instance.original_filename = Path(upload.name).name
            self.instance.format = getattr(upload, "sniffed_kind", "")
        return super().save(commit=commit)
