"""Content sniffing and sandboxed text extraction for uploaded documents.

Django-independent. ``sniff(path)`` decides the real file type from content;
``extract(path)`` runs the extraction in a resource-limited subprocess
(``python -m publications.extraction.worker``) and never raises for bad files.

The runner is imported lazily so that the worker child starts fast; sniff is
imported eagerly because the function shadows its own submodule's name.
"""

from importlib import import_module

from .sniff import EXTENSIONS, KINDS, MIME, SniffResult, sniff

__all__ = ["EXTENSIONS", "KINDS", "MIME", "ExtractionResult", "SniffResult", "extract", "sniff"]

_WHERE = {
    "ExtractionResult": "runner",
    "extract": "runner",
}


def __getattr__(name):
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
