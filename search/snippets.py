"""Snippets for the database backends: a window of the page's text around the first match.

Without an engine there is no analyser to ask, so matching is by a crude stem: a word
matches a query term when both share the term's first ``max(4, len - 3)`` characters
(трудовой/трудовая, реадмиссии/реадмиссия, returns/return).  The text is escaped and the
matches are wrapped in ``<mark>``: the result is safe HTML.
"""

import re

from django.utils.html import escape, strip_tags

from modelsearch.index import RelatedFields, SearchField

from . import settings as search_settings
from .synonyms import fold

WORD = re.compile(r"\w+", re.UNICODE)


def stem(term):
    term = fold(term)
    return term if len(term) <= 4 else term[: max(4, len(term) - 3)]


def page_text(page):
    """The page's searchable text except its title, in index order (summary first)."""
    return " ".join(" ".join(_texts(page, page.get_search_fields(), skip_title=True)).split())


def _texts(obj, fields, skip_title=False):
    for field in fields:
        if isinstance(field, RelatedFields):
            related = getattr(obj, field.field_name, None)
            for item in related.all() if hasattr(related, "all") else [related] if related else []:
                yield from _texts(item, field.fields)
            continue
        if type(field) is not SearchField or (skip_title and field.field_name == "title"):
            continue
        # Search aliases find a page but are never shown (some are disputed names).
        if field.field_name in getattr(obj, "internal_search_fields", ()):
            continue
        try:
            model_field = field.get_field(type(obj))
        except Exception:  # a method such as file_text(): its value is the text
            model_field = None
        value = getattr(obj, model_field.attname) if model_field is not None else field.get_value(obj)
        if not value:
            continue
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            value = " ".join(str(part) for part in model_field.get_searchable_content(value))
        yield strip_tags(str(value))


def build_snippet(text, terms, size=None):
    size = size or search_settings.get("SEARCH_SNIPPET_CHARS")
    stems = {stem(term) for term in terms if len(term) > 1}
    words = list(WORD.finditer(text))
    hits = [m for m in words if any(fold(m.group()).startswith(s) for s in stems)]
    if hits:
        start = max(0, hits[0].start() - size // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    else:
        start = 0
    end = min(len(text), start + size)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + size // 2)
    out, cursor = [], start
    for match in hits:
        if match.start() < start or match.end() > end:
            continue
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")
