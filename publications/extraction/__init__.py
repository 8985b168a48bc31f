"""Content sniffing and sandboxed text extraction for uploaded documents.

Django-independent. ``sniff(path)`` decides the real file type from content;
``extract(path)`` runs the extraction in a resource-limited subprocess
(``python -m publications.extraction.worker``) and never raises for bad files.
"""

from .runner import ExtractionResult, extract
from .sniff import EXTENSIONS, KINDS, MIME, SniffResult, sniff

__all__ = ["EXTENSIONS", "KINDS", "MIME", "ExtractionResult", "SniffResult", "extract", "sniff"]
