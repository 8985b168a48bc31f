"""Synonym groups, cached, and query expansion with them.

Each query term (or phrase) that belongs to a group becomes an OR of the group's terms, so
"Turkey" also finds "Türkiye" and "Турция" on every backend.  The groups are read once and
cached; saving or deleting a group drops the cache (signals wired in ``apps.py``).
"""

import re
import unicodedata
from functools import lru_cache
from os.path import commonprefix

from django.core.cache import cache

from . import settings as search_settings
from .crosslang import spelling_variant

CACHE_KEY = "search:synonym-groups:v1"
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)  # ("readmission_agreement" is two words)
POSSESSIVE = re.compile(r"(?<=[a-z])['’]s$", re.IGNORECASE)
CYRILLIC = re.compile("[а-я]")


@lru_cache(maxsize=8192)
def fold(text):
    """Lowercase, strip accents (Türkiye → turkiye) and ё→е, for matching terms only (kept: each
    query folds every term of the synonym groups it touches, a thousand calls)."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    return "".join(ch for ch in text if not unicodedata.combining(ch) or ch == "\u0306")


def tokenize(text):
    """The words of ``text``; an English possessive's ending dropped ("Turkey's" is "Turkey", as
    the engines' English analysis has it; SQLite's index has no such word)."""
    return [POSSESSIVE.sub("", word) for word in WORD.findall(text)]


def _groups_key():
    """The cache key of the groups, carrying the table's version (last change and row count), so
    an editor's change reaches every web process at once, even with a per-process cache."""
    from . import versions

    return f"{CACHE_KEY}:{versions.get('synonyms')}"


def load_groups(key=None):
    """``[[term, ...], ...]``: every group with at least two terms."""
    from .models import SynonymGroup

    key = key or _groups_key()
    groups = cache.get(key)
    if groups is None:
        groups = [group.term_list for group in SynonymGroup.objects.all()]
        groups = [terms for terms in groups if len(terms) > 1]
        cache.set(key, groups, search_settings.get("SEARCH_SYNONYMS_CACHE_SECONDS"))
    return groups


class Name(list):
    """A clause whose term is a proper name of several words ("International Organization for
    Migration", "North Macedonia"): the reader's words of it match as a phrase on every backend
    (the database backends: in Latin letters), since the same words scattered over a long report
    do not name it."""


def is_name(term):
    """Two content words or more, each with a capital: a name, not a phrase of the vocabulary
    ("labour migration")."""
    from .query import STOPWORDS

    words = [token for token in tokenize(term) if token.casefold() not in STOPWORDS]
    return len(words) > 1 and all(word[:1].isupper() for word in words)


_TABLES = {}  # (groups' version, terms' version) → the lookup table: only the current one is kept


def _lookup():
    """``[(folded token tuple, alternatives, is a name)]`` for every term of every group (editors' synonym
    groups, then the cross-language term groups of ``crosslang``), longest first.  Built once per
    version of the groups and terms: folding every term of every group cost about 10 ms a query."""
    from .crosslang import term_groups, terms_key

    groups_key, terms_version = _groups_key(), terms_key()
    table = _TABLES.get((groups_key, terms_version))
    if table is None:
        merged, names = {}, set()
        for terms in load_groups(groups_key) + term_groups(terms_version):
            for term in terms:
                key = tuple(fold(token) for token in tokenize(term))
                if key:
                    merged.setdefault(key, [])
                    merged[key].extend(t for t in terms if t not in merged[key])
                    if is_name(term):
                        names.add(key)
        table = sorted(((key, terms, key in names) for key, terms in merged.items()), key=lambda item: -len(item[0]))
        _TABLES.clear()
        _TABLES[(groups_key, terms_version)] = table
    return table


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


def same_term(own, term):
    """``term`` is the reader's ``own`` words in another spelling or form (labour ~ labor,
    International Organisation ~ Organization, Кыргызстане ~ Кыргызстан): it ranks as their own."""
    mine, theirs = [fold(t) for t in tokenize(own)], [fold(t) for t in tokenize(term)]
    return len(mine) == len(theirs) and all(same_word(q, t) for q, t in zip(mine, theirs))


def expand(tokens):
    """Split ``tokens`` into clauses: a plain token (str) or a list of alternatives.

    A list starts with the reader's own words (engines rank them above the alternatives), then
    the group's other terms, or a word's other spelling (organising → organizing).  The longest
    group term wins at each position ("North Macedonia" before "Macedonia").
    """
    table = _lookup()
    folded = [fold(token) for token in tokens]
    clauses, i = [], 0
    while i < len(tokens):
        for key, alternatives, name in table:
            window = folded[i : i + len(key)]
            if len(window) == len(key) and all(same_word(q, t) for q, t in zip(window, key)):
                own = " ".join(tokens[i : i + len(key)])
                others = [t for t in alternatives if fold(t) != fold(own)]
                # the reader's term in the other spelling, if the group lacks it ("labour migration"
                # also finds "labor migration")
                variant = other_spelling(tokens[i : i + len(key)])
                if variant and all(fold(t) != fold(variant) for t in others):
                    others.insert(0, variant)
                clauses.append((Name if name else list)([own, *others]))
                i += len(key)
                break
        else:
            variant = other_spelling(tokens[i : i + 1])
            clauses.append([tokens[i], variant] if variant else tokens[i])
            i += 1
    return clauses


def other_spelling(tokens):
    """``tokens`` with each word that has one in its other spelling (organising labour →
    organizing labor), or ``None`` if none has."""
    variants = [spelling_variant(token) for token in tokens]
    if not any(variants):
        return None
    return " ".join(variant or token for variant, token in zip(variants, tokens, strict=True))
