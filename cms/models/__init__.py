from .documents import Document, ExtractionStatus, public_rows, restricted_collection_ids
from .roles import FocalPointGroup
from .snippets import Organisation, Region, ThematicArea
from .terms import Term

__all__ = [
    "Document",
    "FocalPointGroup",
    "ExtractionStatus",
    "public_rows",
    "restricted_collection_ids",
    "Organisation",
    "Region",
    "ThematicArea",
    "Term",
]
