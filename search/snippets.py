"""Snippets for the database backends: a window of the page's text around the first match.

Without an engine there is no analyser to ask, so matching is by a crude stem: a word
matches a query term when both share the term's first ``max(4, len - 3)`` characters
(трудовой/трудовая, реадмиссии/реадмиссия, returns/return).  The text is escaped and the
matches are wrapped in ``<mark>``: the result is safe HTML.
"""

import re
from functools import lru_cache
from html import unescape

from django.utils.html import escape, strip_tags

from modelsearch.index import RelatedFields, SearchField

from . import settings as search_settings
from .synonyms import fold

WORD = re.compile(r"\w+", re.UNICODE)


def stem(term):
    term = fold(term)
    return term if len(term) <= 4 else term[: max(4, len(term) - 3)]


# Never a snippet: the other versions' text (another language) and lists of names glued together.
NOT_SNIPPETS = ("title", "translated_text", "related_names")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
CYRILLIC = re.compile("[\u0400-\u04ff]")
MARK_TAGS = re.compile("</?mark>")


def page_text(page):
    """The page's searchable text except its title, in index order (summary first)."""
    return " ".join(text for _name, text in field_texts(page))


def field_texts(page):
    """``[(field name, text)]`` of the fields a snippet may come from, in index order."""
    return list(_field_texts(page))


def _field_texts(page):
    for name, text in _texts(page, page.get_search_fields(), top=True):
        yield name, " ".join(text.split())


def best_snippet(page, terms, locale):
    """A snippet from the first field (summary before body before file text) that matches, in
    the reader's alphabet when such a field matches.  Fields are read in order and the first
    one matching in the reader's alphabet ends the look (a file text is rarely reached)."""
    return snippet_from((text for _name, text in _field_texts(page)), terms, locale)[0]


def snippet_from(texts, terms, locale):
    """``(snippet, rank)`` from ``texts`` (best field first): the first match written mostly in
    the reader's alphabet (rank 2), else the first match (1), else the start of the first text (0)."""
    first, matching = "", ""
    for text in texts:
        if not text:
            continue
        first = first or text
        if text_has(text, terms):
            snippet = build_snippet(text, terms)
            if in_readers_alphabet(snippet, locale):
                return snippet, 2
            matching = matching or snippet
    if matching:
        return matching, 1
    return (build_snippet(first, terms) if first else ""), 0


LATIN = re.compile("[a-zA-Z]")


def in_readers_alphabet(text, locale):
    """Mostly Cyrillic for a Russian reader, mostly Latin for the others (a file text may hold
    both languages: the snippet's own words decide)."""
    text = unescape(MARK_TAGS.sub("", text))  # an escaped quote is not four Latin letters
    cyrillic = len(CYRILLIC.findall(text))
    return (cyrillic > len(LATIN.findall(text))) == (locale == "ru")


def plain(value):
    """An indexed value (a string, a list of strings, related objects' dicts) as one plain text."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(part for part in (plain(item) for item in value) if part)
    text = str(value or "")
    return " ".join((strip_tags(text) if "<" in text else text).split())


@lru_cache(maxsize=256)
def _stems(terms):
    """The stems of ``terms`` (a sorted tuple), longest first."""
    return tuple(sorted({stem(term) for term in terms if len(term) > 1}, key=len, reverse=True))


@lru_cache(maxsize=256)
def _matcher(terms):
    """One regular expression for every stem (a word starting with it), ё and е alike: scanning a
    20,000-character file text with it costs well under a millisecond, where folding each word
    in Python cost tens."""
    stems = _stems(terms)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s).replace("е", "[её]") for s in stems)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)


def _first_match(text, terms):
    """``(matcher, first match or None)`` of ``terms`` in ``text``."""
    matcher = _matcher(tuple(sorted(set(terms))))
    return matcher, matcher.search(text) if matcher else None


def first_position(text, terms):
    """Where the first word starting with one of the stems of ``terms`` begins in ``text`` (as
    ``_matcher`` would find it), or None.  By plain string search in the lowered text: the case-
    blind regular expression took half a millisecond per 20,000 characters, ten results' file
    texts 10 ms; lowering the text and finding each stem takes microseconds.  The text is lowered
    a stretch at a time, from its start, and the look ends at the first stretch with a match:
    lowering whole file texts was a millisecond a search, and most matches come early."""
    stems = _stems(tuple(sorted(set(terms))))
    if not stems:
        return None
    # (the longest stem) a word across two stretches is found in the second
    overlap = min(len(stems[0]), FIRST_STRETCH // 2)
    start = 0
    while start < len(text):
        end = min(len(text), start + FIRST_STRETCH)
        # one character before the stretch, to tell whether a match starts a word
        origin = max(0, start - 1)
        lowered = text[origin:end].lower().replace("ё", "е")
        if len(lowered) != end - origin:  # a letter whose lower case is longer (İ): positions would shift
            match = _first_match(text, terms)[1]
            return match.start() if match else None
        best = None
        for prefix in stems:
            position = lowered.find(prefix, start - origin)
            while position != -1 and (best is None or position < best):
                before = lowered[position - 1] if position + origin else " "
                if not (before.isalnum() or before == "_"):  # the start of a word
                    best = position
                    break
                position = lowered.find(prefix, position + 1)
        if best is not None:
            return origin + best
        if end == len(text):
            return None
        start = end - overlap + 1
    return None


FIRST_STRETCH = 4000  # characters of a text lowered at a time by ``first_position``


def text_has(text, terms):
    return _first_match(text, terms)[1] is not None


def _texts(obj, fields, top=False):
    for field in fields:
        if isinstance(field, RelatedFields):
            related = getattr(obj, field.field_name, None)
            for item in related.all() if hasattr(related, "all") else [related] if related else []:
                for _name, text in _texts(item, field.fields):
                    yield field.field_name, text
            continue
        if type(field) is not SearchField or (top and field.field_name in NOT_SNIPPETS):
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
        if model_field is None:  # a method's value is plain text (a file's extracted text): no tags to strip
            yield field.field_name, str(value)
            continue
        if hasattr(model_field, "get_searchable_content"):
            value = " ".join(str(part) for part in model_field.get_searchable_content(value))
        yield field.field_name, strip_tags(str(value))


def _sentence_start(text, position, size):
    """Where the sentence holding ``position`` starts, or a word boundary if it is too long."""
    floor = max(0, position - size * 2)  # only the stretch before the match is read
    starts = [m.end() for m in SENTENCE_END.finditer(text, floor, position)]
    start = starts[-1] if starts else floor
    if position - start > size * 2 // 3:
        start = text.rfind(" ", 0, position - size // 3) + 1
    return start


def build_snippet(text, terms, size=None):
    size = size or search_settings.get("SEARCH_SNIPPET_CHARS")
    matcher, first = _first_match(text, terms)
    start = _sentence_start(text, first.start(), size) if first else 0
    end = min(len(text), start + size)
    if end < len(text):
        # end with the last whole sentence that fits, else at a word
        ends = [m.start() for m in SENTENCE_END.finditer(text, start, end) if m.start() > start + size // 3]
        end = ends[-1] if ends else max(text.rfind(" ", start, end), start + size // 2)
    out, cursor = [], start
    for match in matcher.finditer(text, start) if first else ():  # only the snippet's stretch is read
        if match.end() > end:
            break
        out.append(escape(text[cursor : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    out.append(escape(text[cursor:end]))
    return ("… " if start else "") + "".join(out) + (" …" if end < len(text) else "")


def excerpt(text, terms, size=None):
    """The part of a long raw text (a file's extracted text) a snippet can come from, as plain
    text: around its first match, else its start.  Whitespace-folding and tag-stripping a
    200,000-character text to quote 240 characters of it cost milliseconds per result."""
    size = size or search_settings.get("SEARCH_SNIPPET_CHARS")
    position = first_position(text, terms) or 0
    start = max(0, position - size * 3)
    if start:  # from a word boundary
        start = text.find(" ", start, position) + 1 or position
    end = text.rfind(" ", position, position + size * 3) if position + size * 3 < len(text) else len(text)
    return plain(text[start : max(end, position + size)])
