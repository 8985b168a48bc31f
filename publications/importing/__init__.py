"""Bulk import of documents into the library (``manage.py import_documents``)."""

from .engine import ImportAbort, Importer, Summary
from .rows import COLUMNS, KNOWN_TYPES, Manifest, Row, RowError

__all__ = ["COLUMNS", "KNOWN_TYPES", "ImportAbort", "Importer", "Manifest", "Row", "RowError", "Summary"]
