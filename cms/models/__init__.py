from .documents import Document, DocumentLanguage, ExtractionStatus
from .snippets import Organisation, Region, ThematicArea

__all__ = [
    "Document",
    "DocumentLanguage",
    "ExtractionStatus",
    "Organisation",
    "Region",
    "ThematicArea",
]
