"""Term pairs that bridge the two languages, and British/American spelling variants.

A Russian query names things the English library calls differently ("Армении" → Armenia) and
the reverse; editors' synonym groups cover a few, the states' own names (each ``CountryPage``
in English and Russian, plus its search aliases) cover every state, and the termbase (``cms.Term``:
one row holds the English and the Russian term and their variants) covers the vocabulary of
migration policy.  ``term_groups()`` merges every source listed in ``SEARCH_TERM_SOURCES``: each
is a function returning groups of terms that mean the same thing.  Alternatives found here rank below the reader's own
words (the engine weights them lower, see ``backends/engine.py``).
"""

import hashlib
import re
from functools import lru_cache

from django.core.cache import cache
from django.utils.module_loading import import_string

from . import settings as search_settings

CACHE_KEY = "search:term-groups:v2"
ALIASES = re.compile(r"[;\n]+")

# Whole-word pairs where no suffix rule applies (British first).
SPELLING_PAIRS = (
    ("labour", "labor"),
    ("programme", "program"),
    ("centre", "center"),
    ("defence", "defense"),
    ("licence", "license"),
    ("offence", "offense"),
    ("travelling", "traveling"),
    ("counselling", "counseling"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("judgement", "judgment"),
)
# Suffix rules (British, American); applied only to words long enough to carry them.
SPELLING_SUFFIXES = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("our", "or"),
    ("ours", "ors"),
    ("ourable", "orable"),
)
_WHOLE = {a: b for a, b in SPELLING_PAIRS} | {b: a for a, b in SPELLING_PAIRS}
# Russian letters as an English loanword is spelled back (трафикинг → trafiking, not ISO 9's
# letters with diacritics); misspellings allowed then find "trafficking".
LATIN_LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


@lru_cache(maxsize=4096)
def spelling_variant(word):
    """The other spelling of ``word`` (organising → organizing, labor → labour), or ``None``."""
    lower = word.lower()
    if lower in _WHOLE:
        return _WHOLE[lower]
    for gb, us in sorted(SPELLING_SUFFIXES, key=lambda pair: -len(pair[0])):
        for source, target in ((gb, us), (us, gb)):
            # A stem of 3+ letters keeps "four" and "rise" whole; a wrong guess ("sector" →
            # "sectour") is harmless: an extra alternative that matches nothing.
            if lower.endswith(source) and len(lower) - len(source) >= 3:
                return lower[: -len(source)] + target
    return None


def latin_spelling(text):
    """``text`` with its Cyrillic words in Latin letters (a loanword such as "трафикинг" →
    "trafiking"), or ``None`` when it has none."""
    if not re.search("[а-яё]", text, re.IGNORECASE):
        return None
    letters = []
    for ch in text:
        latin = LATIN_LETTERS.get(ch.lower())
        letters.append(ch if latin is None else (latin.capitalize() if ch.isupper() else latin))
    return "".join(letters)


def state_names():
    """One group per state: its English and Russian names and every search alias."""
    from countries.models import CountryPage

    groups = {}
    rows = CountryPage.objects.live().values_list("translation_key", "title", "name_variants")
    for key, title, variants in rows:
        terms = groups.setdefault(key, [])
        names = [" ".join(term.split()) for term in [title, *ALIASES.split(variants or "")]]
        for term in names + [adjective for name in names for adjective in english_adjectives(name)]:
            if term and term.casefold() not in {t.casefold() for t in terms}:
                terms.append(term)
    return [terms for terms in groups.values() if len(terms) > 1]


def english_adjectives(name):
    """The regular English adjectives of a one-word state name, as readers type them ("Ukrainian
    refugees", "Armenian migrants", "Kyrgyz workers"): Armenia → Armenian, Ukraine → Ukrainian,
    Belarus → Belarusian, Azerbaijan → Azerbaijani, Tajikistan → Tajik, Kazakhstan → Kazakh.
    A wrong guess is harmless: an alternative no page contains."""
    if " " in name or not name.isascii() or len(name) < 4:
        return []
    if name.endswith("istan"):
        return [name[:-5]]
    if name.endswith("stan"):
        return [name[:-4]]
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("e"):
        return [name[:-1] + "ian"]
    if name.endswith("s"):
        return [name + "ian"]
    if name.endswith("n"):
        return [name + "i"]
    return []


def termbase():
    """One group per termbase row: the English and the Russian term and their variants."""
    from cms.models import Term

    groups = []
    for term in Term.objects.all():
        terms = []
        for text in term.search_terms():
            text = " ".join(text.split())
            if text and text.casefold() not in {t.casefold() for t in terms}:
                terms.append(text)
        if len(terms) > 1:
            groups.append(terms)
    return groups


def terms_key():
    """The cache key of the term groups: it changes when a state page is (re)published, a term
    is saved or deleted, or the configured sources change."""
    from . import versions

    sources = ",".join(search_settings.get("SEARCH_TERM_SOURCES"))
    return f"{CACHE_KEY}:{versions.get('terms')}:{hashlib.sha1(sources.encode()).hexdigest()[:8]}"


def term_groups(key=None):
    """Every configured source's groups, cached until a state page or a term changes."""
    key = key or terms_key()
    groups = cache.get(key)
    if groups is None:
        groups = []
        for path in search_settings.get("SEARCH_TERM_SOURCES"):
            groups.extend(import_string(path)())
        cache.set(key, groups, search_settings.get("SEARCH_SYNONYMS_CACHE_SECONDS"))
    return groups
