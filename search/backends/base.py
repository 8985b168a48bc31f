"""What every strategy returns, and facet counting shared by the database strategies."""

from dataclasses import dataclass, field

from ..query import FACETS


@dataclass
class Hit:
    page_id: int
    score: float = 0.0
    snippet: str = ""  # safe HTML (escaped text with <mark>), or "" to build one in Python
    # The engine's stored copy of what a result shows ({field name: value}: the snippet fields,
    # kind, date and file languages), so the page itself need not be loaded; None elsewhere.
    source: dict | None = None
    partial: bool = False  # has only some of the reader's words: follows every page with enough


@dataclass
class Outcome:
    count: int
    hits: list  # the requested page of ``Hit``s, in order
    facets: dict = field(default_factory=dict)  # facet → {key: count}
    notice: str = ""  # shown to readers, e.g. when the engine is down
    suggestion: str = ""  # "Did you mean …?": the query with its misspellings corrected
    suggest_from_results: bool = False  # made by the service from the words of the pages found
    # no page has the words as typed: these were found with misspellings allowed or have only some
    # of the words (the service searches again with the words corrected from theirs)
    none_as_typed: bool = False
    # the folded words no page has as typed, when the strategy counted them (else ``None``)
    unmatched: frozenset | None = None


class SearchStrategy:
    name = "base"

    def search(self, params, scope):
        raise NotImplementedError

    def autocomplete(self, text, scope, limit=8):
        raise NotImplementedError


def matches(page_keys, filters, skip=None):
    """AND across facets, OR within one facet."""
    for name, wanted in filters.items():
        if name == skip:
            continue
        if not page_keys[name].intersection(wanted):
            return False
    return True


def count_facets(keyed_ids, filters):
    """Disjunctive counts over the whole matched set: each facet ignores its own filter only."""
    counts = {name: {} for name in FACETS}
    for keys in keyed_ids:
        passing_all = matches(keys, filters)
        for name in FACETS:
            if passing_all or (name in filters and matches(keys, filters, skip=name)):
                bucket = counts[name]
                for value in keys[name]:
                    bucket[value] = bucket.get(value, 0) + 1
    return counts
