"""Synonym groups, cached, and query expansion with them.

Each query term (or phrase) that belongs to a group becomes an OR of the group's terms, so
"Turkey" also finds "Türkiye" and "Турция" on every backend.  The groups are read once and
cached; saving or deleting a group drops the cache (signals wired in ``apps.py``).
"""

import re
import unicodedata
from os.path import commonprefix

from django.core.cache import cache
from django.db.models import Count, Max

from . import settings as search_settings
from .crosslang import spelling_variant

CACHE_KEY = "search:synonym-groups:v1"
WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
CYRILLIC = re.compile("[а-я]")


def fold(text):
    """Lowercase, strip accents (Türkiye → turkiye) and ё→е, for matching terms only."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(ch for ch in text if not unicodedata.combining(ch) or ch == "\u0306")


def tokenize(text):
    return WORD.findall(text)


def load_groups():
    """``[[term, ...], ...]``: every group with at least two terms.

    The cache key carries the table's version (last change and row count, one cheap query), so an
    editor's change reaches every web process at once, even with a per-process cache.
    """
    from .models import SynonymGroup

    version = SynonymGroup.objects.aggregate(changed=Max("updated_at"), rows=Count("pk"))
    key = f"{CACHE_KEY}:{version['changed'] and version['changed'].timestamp()}:{version['rows']}"
    groups = cache.get(key)
    if groups is None:
        groups = [group.term_list for group in SynonymGroup.objects.all()]
        groups = [terms for terms in groups if len(terms) > 1]
        cache.set(key, groups, search_settings.get("SEARCH_SYNONYMS_CACHE_SECONDS"))
    return groups


def _lookup():
    """``[(folded token tuple, alternatives)]`` for every term of every group (editors' synonym
    groups, then the cross-language term groups of ``crosslang``)."""
    from .crosslang import term_groups

    table = {}
    for terms in load_groups() + term_groups():
        for term in terms:
            key = tuple(fold(token) for token in tokenize(term))
            if key:
                table.setdefault(key, [])
                table[key].extend(t for t in terms if t not in table[key])
    return list(table.items())


def same_word(query_token, term_token):
    """Inflected forms count: Турции ~ Турция, Кыргызстане ~ Кыргызстан, returns ~ return."""
    if query_token == term_token:
        return True
    if spelling_variant(query_token) == term_token:  # organisation ~ organization
        return True
    if CYRILLIC.search(term_token):
        prefix = len(commonprefix([query_token, term_token]))
        return prefix >= max(4, len(term_token) - 2) and len(query_token) - prefix <= 3
    return query_token in (term_token + "s", term_token + "es")


def expand(tokens):
    """Split ``tokens`` into clauses: a plain token (str) or a list of alternatives.

    A list starts with the reader's own words (engines rank them above the alternatives), then
    the group's other terms, or a word's other spelling (organising → organizing).  The longest
    group term wins at each position ("North Macedonia" before "Macedonia").
    """
    table = sorted(_lookup(), key=lambda item: -len(item[0]))
    folded = [fold(token) for token in tokens]
    clauses, i = [], 0
    while i < len(tokens):
        for key, alternatives in table:
            window = folded[i : i + len(key)]
            if len(window) == len(key) and all(same_word(q, t) for q, t in zip(window, key)):
                own = " ".join(tokens[i : i + len(key)])
                clauses.append([own] + [t for t in alternatives if fold(t) != fold(own)])
                i += len(key)
                break
        else:
            variant = spelling_variant(tokens[i])
            clauses.append([tokens[i], variant] if variant else tokens[i])
            i += 1
    return clauses
