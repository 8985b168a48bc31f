""" "Did you mean …?" from the words of the pages a query found.

The engines forgive misspellings inside the query (``fuzziness``) and PostgreSQL's second pass
matches by trigrams, so a misspelled query finds pages; what the reader typed is then corrected
to the nearest word *those pages* contain (the best pages' titles, summaries and intros, in
every language the pages have).  The
correction is made only of words of public results in the reader's scope, so a suggestion never
reveals a word of a private page or file.
"""

import re
import unicodedata
from os.path import commonprefix

from .backends.second_pass import edit_distance
from .query import STOPWORDS
from .synonyms import fold

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile("[\u0400-\u04ff]")
MIN_WORD = 4  # shorter words are acronyms or function words: never corrected
SUGGEST_FROM = 5  # the best pages found: their titles, summaries and intros give the corrections


def suggest_from_pages(tokens, pages, unmatched=()):
    """``suggest`` from the words of ``pages``' titles, summaries and intros, and those of their
    other versions (``translated_text``): a page shown in English corrects a Russian word too."""
    texts = []
    for page in pages:
        texts += [page.title, getattr(page, "summary", "") or "", getattr(page, "intro", "") or ""]
        translations = getattr(page, "translated_text", "")
        texts.append((translations() if callable(translations) else translations) or "")
    return suggest(tokens, [word for text in texts for word in WORD.findall(str(text))], unmatched)


def as_typed(token, word):
    """The correction ``word`` with the capital of the ``token`` it replaces: "Moldva" is corrected
    to "Moldova", "moldva" to "moldova"."""
    return word[:1].upper() + word[1:] if token[:1].isupper() else word


def _known(token, words):
    """Another form of a found word counts as known: an ending added or dropped (migrant ~
    migrants), a Russian ending changed (реадмиссия ~ реадмиссии), the other spelling (labor ~
    labour)."""
    from .crosslang import spelling_variant

    variant = spelling_variant(token)
    cyrillic = CYRILLIC.search(token) is not None
    for word in words:
        common = len(commonprefix([token, word]))
        if common == min(len(token), len(word)) and abs(len(token) - len(word)) <= 3:
            return True
        if cyrillic and common >= max(MIN_WORD, len(token) - 2) and len(word) - common <= 3:
            return True
        if variant and word.startswith(variant):
            return True
    return False


def ending_only(old, new):
    """``new`` is ``old`` (a Cyrillic word) with another ending: all but its last two letters kept
    ("году" ~ "года")."""
    old, new = fold(old), fold(new)
    return bool(CYRILLIC.search(old)) and len(commonprefix([old, new])) >= max(3, len(old) - 2)


# Russian case endings (adjectives, then nouns), longest first: a misspelled inflected word is
# compared with the found words by what comes before them ("пражкий" ~ "пражского": пражк ~ пражск)
_ENDINGS = (
    "ого его ому ему ыми ими ой ей ий ый ая яя ое ее ые ие ых их ым им ую юю "
    "иями ями ами ией ия ии ию ья ье ов ев ом ем ам ям ах ях"
)
RUSSIAN_ENDINGS = sorted({fold(ending) for ending in _ENDINGS.split()}, key=len, reverse=True)  # as words are folded
MIN_STEM = 4


def russian_stem(word):
    """``(stem, ending)``: the folded ``word`` less the longest Russian case ending that leaves at
    least ``MIN_STEM`` letters (``""`` when none does)."""
    for ending in RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)], ending
    return word, ""


def _by_stem(folded, stems):
    """The correction of a misspelled Russian word whose nearest forms are in another case: the
    nearest of the found words' ``stems`` with the reader's own ending ("пражкий" → "пражский"
    from "пражского"), or ``None``.  Only for an ending of two letters or more, which says the
    case clearly."""
    stem, ending = russian_stem(folded)
    if len(ending) < 2:
        return None
    limit = 1 if len(stem) <= 5 else 2
    candidates = [(edit_distance(stem, other, limit), -len(other), other) for other in stems if other[0] == stem[0]]
    if not candidates:
        return None
    distance, _length, best = min(candidates)
    return best + ending if 0 < distance <= limit else None


def suggest(tokens, words, unmatched=()):
    """The query with each misspelled word replaced by the nearest of ``words``, or ``""``.
    ``unmatched``: folded words known to match no page as typed; they are corrected even where a
    word found begins with them ("proces" is no form of "process", as "migrant" is of "migrants")."""
    found = {}
    for word in words:
        found.setdefault(fold(word), word.lower())
    if not found:
        return ""
    corrected, changed = [], False
    stems = None  # of the found Russian words, once a Russian word needs them
    for token in tokens:
        folded = fold(token)
        if len(folded) < MIN_WORD or folded in STOPWORDS or folded in found:
            corrected.append(token)
            continue
        if folded not in unmatched and _known(folded, found):
            corrected.append(token)
            continue
        limit = 1 if len(folded) <= 5 else 2
        distance, best = min((edit_distance(folded, word, limit), -len(word), word) for word in found)[::2]
        if distance <= limit and folded[0] == best[0]:
            corrected.append(as_typed(token, found[best]))
            changed = True
            continue
        if CYRILLIC.search(folded):
            if stems is None:
                stems = {russian_stem(word)[0] for word in found if CYRILLIC.search(word)}
            if form := _by_stem(folded, stems):
                corrected.append(as_typed(token, found.get(form) or unicodedata.normalize("NFC", form)))
                changed = True
                continue
        corrected.append(token)
    return " ".join(corrected) if changed else ""
