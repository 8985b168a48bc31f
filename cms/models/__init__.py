from .documents import Document, DocumentLanguage, ExtractionStatus, public_rows, restricted_collection_ids
from .snippets import Organisation, Region, ThematicArea

__all__ = [
    "Document",
    "DocumentLanguage",
    "ExtractionStatus",
    "public_rows",
    "restricted_collection_ids",
    "Organisation",
    "Region",
    "ThematicArea",
]
