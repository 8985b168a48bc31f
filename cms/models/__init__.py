from .documents import Document, ExtractionStatus, public_rows, restricted_collection_ids
from .snippets import Organisation, Region, ThematicArea

__all__ = [
    "Document",
    "ExtractionStatus",
    "public_rows",
    "restricted_collection_ids",
    "Organisation",
    "Region",
    "ThematicArea",
]
