"""OpenSearch (and Elasticsearch) through modelsearch's own index and client.

modelsearch builds the full-text part (its boosts, its `_all_text` fields, analysed by the
index's bilingual default analyzer); we send it ourselves with the reader's scope as a
filter, facet filters as a ``post_filter`` and one filtered aggregation per facet (each
facet ignores its own selection, so its other values stay visible), and the phrase boosts as a
``rescore`` of the best pages.
Facet keys live in the ``facet_*`` filter fields: a field defined on two models has two
column names (modelsearch prefixes subclass fields), so each facet aggregates over all its
columns and sums (every document has only one of them).
"""

from functools import cached_property

from modelsearch.index import AutocompleteField, FilterField, SearchField
from modelsearch.query import MATCH_ALL
from wagtail.models import Page

from cms.reader_scope import READER_CODES_FIELD

from .. import settings as search_settings
from ..facets import type_content_type_ids, type_label
from ..query import FACETS, content_words
from ..synonyms import Name, fold, same_term, tokenize
from .base import Hit, Outcome, SearchStrategy

FACET_FIELDS = {
    "country": "facet_countries",
    "region": "facet_regions",
    "thematic_area": "facet_thematic_areas",
    "year": "facet_year",
    "language": "facet_languages",
}
BUCKETS = 500
# All words of up to three, three of four or five, half of a longer question (its function
# words do not count: they are left out of the matching clauses and only help the ranking).
MINIMUM_SHOULD_MATCH = "3<-1 4<-2 5<50%"
# When that finds fewer than SEARCH_FILL_BELOW pages, the pages with some of the words follow
# them (ranked as usual among themselves): a long question's best answer often lacks one of its words.
RELAXED = "1"
# Field weights of the ranking clause: title > summary > body > file text (by search field name).
FIELD_WEIGHTS = {
    "title": 6,
    "name_variants": 6,
    "acronym": 6,
    "full_title": 3,
    "summary": 3,
    "intro": 3,
    "body": 1.5,
    "priorities": 1.5,
    "principles": 1.5,
    "related_names": 1.5,
    "translated_text": 1,
    "file_text": 0.5,
}
# Counted by the matching clauses over ``_all_text`` only, not again in the weighted fields: a file's
# text is the longest field of all, and scoring it a second time over every match was a fifth of the
# engine's time at 10,000 publications (15.4 → 12.0 ms p50) for nothing on our relevance set (0.882
# → 0.879 English, Russian unchanged).  It ranks below every weighted field, as it should.
ALL_TEXT_ONLY = ("file_text",)
# Never a snippet: the other versions' text (another language) and lists of names glued together.
NOT_SNIPPETS = ("translated_text", "related_names")
# Read back all the same: the words of a result's other versions correct a misspelled query in
# their language ("адаптацыя" from the Russian title of a page shown in English, ``suggest``).
TRANSLATIONS = "translated_text"
# What a result shows, read back from the index (``_source``) rather than from the pages' tables.
RESULT_FIELDS = ("kind", "publication_date", "publication_date_precision")
# Never read back from the index: a file's text is quoted from the database, with the restrictions
# as they are now (``service.public_files``), and only for results the other fields do not quote.
LONG_FIELDS = ("file_text",)
RESCORE_WINDOW = 100  # pages per shard whose phrase and proximity are looked at
OWN_WORDS, FUZZY, ALTERNATIVE = 2.0, 0.6, 1.2  # an exact word outranks a corrected or translated one
OWN_BAG = ALTERNATIVE * 0.8  # the words of a name or an alternative, not as a phrase
FUZZINESS = {"fuzziness": "AUTO", "prefix_length": 1, "max_expansions": 30}  # a word within a few edits
# A word found in fewer pages than this may be misspelled, and only such words are matched within
# a few edits: "Directorate" is a word of the index, and must not also find "Director".
RARE_BELOW = 3
NAME_SLOP = 1  # a name's words as the reader typed them, one word apart at most


def word_count(term):
    """How many words of ``term`` count (function words do not): a clause's weight is shared
    among them, so a long name ("International Centre for Migration Policy Development" for
    "ICMPD") weighs what one word weighs, not six."""
    return max(1, len(content_words(tokenize(term))))


def _all_page_models():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model.search_fields]


class EngineStrategy(SearchStrategy):
    name = "engine"

    def __init__(self, backend):
        self.backend = backend
        self.client = backend.es

    @cached_property
    def index_name(self):
        return self.backend.get_index_for_model(Page).name

    @cached_property
    def columns(self):
        """facet → [column names]; ``_text``/``_weighted``: the text columns, best first and with
        their ranking weights (``_all_text_only``: those of ALL_TEXT_ONLY, left out of the
        weights); ``_fields``: column → field name of what results show, read back from the index
        (``_source``): the snippet fields (related objects' text included, not the file texts of
        LONG_FIELDS), TRANSLATIONS and RESULT_FIELDS."""
        columns = {name: set() for name in FACET_FIELDS}
        columns["_fields"], columns["_reader"] = {}, set()
        text_fields, unweighted = set(), set()
        weighted = {"title": FIELD_WEIGHTS["title"]}
        for model in _all_page_models():
            mapping = self.backend.mapping_class(model)
            never_quoted = ("title", *NOT_SNIPPETS, *getattr(model, "internal_search_fields", ()))
            for field in model.get_search_fields():
                name, column = field.field_name, mapping.get_field_column_name(field)
                if isinstance(field, FilterField):
                    if name == READER_CODES_FIELD:
                        columns["_reader"].add(column)
                    elif name in FACET_FIELDS.values():
                        columns[next(k for k, v in FACET_FIELDS.items() if v == name)].add(column)
                    elif name in RESULT_FIELDS:
                        columns["_fields"].setdefault(column, name)
                    continue
                if name == TRANSLATIONS and type(field) is SearchField:
                    columns["_fields"].setdefault(column, name)
                if name in never_quoted or isinstance(field, AutocompleteField):
                    continue
                if type(field) is SearchField:
                    text_fields.add(column)
                    if name in FIELD_WEIGHTS:
                        weighted[column] = FIELD_WEIGHTS[name]
                    if name in ALL_TEXT_ONLY:
                        unweighted.add(column)
                if name not in LONG_FIELDS:
                    columns["_fields"].setdefault(column, name)
        columns = {name: sorted(cols) if isinstance(cols, set) else cols for name, cols in columns.items()}
        # best field first: the snippet comes from the most telling field that matched
        columns["_text"] = sorted(text_fields, key=lambda col: (-weighted.get(col, 1), col))
        columns["_weighted"] = [f"{col}^{weight}" for col, weight in sorted(weighted.items()) if col not in unweighted]
        columns["_all_text_only"] = sorted(unweighted)
        return columns

    def col(self, name):
        return self.backend.mapping_class(Page).get_field_column_name(FilterField(name))

    # -- query parts -------------------------------------------------------------------------
    def scope_filter(self, scope):
        """Live pages below the home page that the reader is shown (``cms.reader_scope``: each
        entry names its readers), less the private ones."""
        if scope.locale_id is None:  # none of the reader's languages exists
            return {"bool": {"must_not": [{"match_all": {}}]}}
        bool_query = {
            "filter": [{"term": {self.col("live"): True}}, {"range": {self.col("depth"): {"gt": 2}}}],
            "should": [
                *({"term": {col: scope.reader}} for col in self.columns["_reader"]),
                # an entry indexed before pages named their readers: the reader's own language
                # still answers until ``update_index`` has run
                {
                    "bool": {
                        "filter": [{"term": {self.col("locale"): scope.locale_id}}],
                        "must_not": [{"exists": {"field": col}} for col in self.columns["_reader"]],
                    }
                },
            ],
            "minimum_should_match": 1,
        }
        if scope.private_ids:
            bool_query["must_not"] = [{"terms": {self.col("id"): scope.private_ids}}]
        return {"bool": bool_query}

    def facet_filter(self, name, values):
        if name == "type":
            return {"terms": {self.col("content_type"): type_content_type_ids(values)}}
        return {"bool": {"should": [{"terms": {col: values}} for col in self.columns[name]], "minimum_should_match": 1}}

    def text_query(self, params, minimum_should_match=MINIMUM_SHOULD_MATCH, fuzzy=()):
        """Which pages match (each clause over ``_all_text``, with a minimum-should-match) and how
        they rank (field weights, then phrase and proximity boosts on top)."""
        if not params.tokens:
            compiler = self.backend.query_compiler_class(Page.objects.all(), MATCH_ALL, order_by_relevance=True)
            return compiler.get_inner_query()
        # the reader's words in the weighted fields, in either spelling (labour, labor)
        words = list(params.tokens)
        for clause in params.clauses():
            if not isinstance(clause, str):
                words += [term for term in clause[1:] if same_term(clause[0], term)]
        weighted = {"multi_match": {"query": " ".join(words), "fields": self.columns["_weighted"], "tie_breaker": 0.3}}
        return {"bool": {"must": [self.matching(params, minimum_should_match, fuzzy)], "should": [weighted]}}

    def matching(self, params, minimum_should_match=MINIMUM_SHOULD_MATCH, fuzzy=()):
        """Which pages have enough of the reader's words: one clause per word or synonym group
        (the folded words of ``fuzzy`` also within a few edits)."""
        content = params.content_clauses()
        # pages with some of the words, when all the words are one name or phrase ("интеграция
        # мигрантов"): each of its words counts alone too
        loose = minimum_should_match == RELAXED and len(content) == 1
        clauses = [self.clause_query(clause, fuzzy, loose) for clause in content]
        return {"bool": {"should": clauses, "minimum_should_match": minimum_should_match}}

    def phrase_rescore(self, params, clauses):
        """Phrases lift the best ``RESCORE_WINDOW`` pages of each shard: the reader's words as a
        phrase (in a weighted field) and near each other (anywhere), and each name of several
        words in the clauses (the reader's own "International Organisation for Migration", or an
        alternative such as "соглашение о реадмиссии") found as a phrase.  As clauses of the
        query they cost more than the rest of it together (a phrase reads positions in every
        matching page, 20,000-character file texts included); every page they could lift is
        matched by its words already, so here they only rank.  ``None`` when nothing would."""
        boosts = []
        if len(params.tokens) > 1:
            text = " ".join(params.tokens)
            boosts += [
                {
                    "multi_match": {
                        "query": text,
                        "type": "phrase",
                        "slop": 1,
                        "boost": 3,
                        "fields": self.columns["_weighted"],
                    }
                },
                {"match_phrase": {"_all_text": {"query": text, "slop": 8, "boost": 1.5}}},
            ]
        for clause in clauses:
            if isinstance(clause, str):
                continue
            own, *alternatives = clause
            # on top of the words' own score: a phrase counts OWN_WORDS, an alternative's ALTERNATIVE
            phrases = [(own, 2, OWN_WORDS - OWN_BAG)] if " " in own else []
            phrases += [
                (term, 2, OWN_WORDS - OWN_BAG) if same_term(own, term) else (term, 0, ALTERNATIVE - OWN_BAG)
                for term in alternatives
                if " " in term
            ]
            if phrases:
                queries = [
                    {"match_phrase": {"_all_text": {"query": term, "slop": slop, "boost": boost}}}
                    for term, slop, boost in phrases
                ]
                boosts.append({"dis_max": {"queries": queries}})
        if not boosts:
            return None
        return {
            "window_size": max(RESCORE_WINDOW, params.offset + params.page_size),
            "query": {"rescore_query": {"bool": {"should": boosts}}, "query_weight": 1, "rescore_query_weight": 1},
        }

    @staticmethod
    def clause_query(clause, fuzzy=(), loose=False):
        """One word (exact; if it is one of the folded words of ``fuzzy``, else within ``AUTO``
        edits, first letter kept) or one synonym group: the reader's words (and their other
        spellings: labour ~ labor) first, the group's other terms (translations, expansions)
        weighted lower.  A term of several words matches by its words, its weight shared among
        them; as a phrase it ranks higher (``phrase_rescore``)."""
        own, *alternatives = [clause] if isinstance(clause, str) else clause
        mine = OWN_WORDS / word_count(own)

        def match(term, boost, operator="and", **fuzziness):
            return {"match": {"_all_text": {"query": term, "operator": operator, "boost": boost, **fuzziness}}}

        def own_match(term, boost):
            if isinstance(clause, Name) and word_count(term) > 1:
                return {"match_phrase": {"_all_text": {"query": term, "slop": NAME_SLOP, "boost": boost}}}
            return match(term, boost)

        queries = [own_match(own, mine)]
        if fuzzy and any(fold(word) in fuzzy for word in tokenize(own)):
            queries.append(match(own, mine * FUZZY / OWN_WORDS, **FUZZINESS))
        # An alternative's words need not stand together: a Russian "миграционный профиль" finds an
        # English "country profile of migration"; the phrase ranks above.
        queries += [
            own_match(term, mine) if same_term(own, term) else match(term, OWN_BAG / word_count(term))
            for term in alternatives
        ]
        words = content_words(tokenize(own))
        if loose and len(words) > 1:  # (``matching``) each of the reader's words alone
            queries.append(match(" ".join(words), mine, "or"))
            if misspelled := [word for word in words if fold(word) in fuzzy]:
                queries.append(match(" ".join(misspelled), mine * FUZZY / OWN_WORDS, "or", **FUZZINESS))
        return {"dis_max": {"queries": queries}}

    def aggregations(self, params):
        aggs = {}
        for name in FACETS:
            others = [self.facet_filter(n, v) for n, v in params.filters.items() if n != name]
            if name == "type":
                inner = {"type": {"terms": {"field": self.col("content_type"), "size": BUCKETS}}}
            else:
                inner = {col: {"terms": {"field": col, "size": BUCKETS}} for col in self.columns[name]}
            aggs[name] = {"filter": {"bool": {"filter": others}}, "aggs": inner}
        return aggs

    def body(
        self,
        params,
        scope,
        minimum_should_match=MINIMUM_SHOULD_MATCH,
        *,
        fuzzy=(),
        offset=None,
        size=None,
        besides=None,
    ):
        """The whole search in one body; ``besides`` (a minimum-should-match) leaves out the
        pages that match with it: the pages that follow those (``search``)."""
        query = {"must": self.text_query(params, minimum_should_match, fuzzy), "filter": [self.scope_filter(scope)]}
        if besides is not None:
            query["must_not"] = [self.matching(params, besides, fuzzy)]
        body = {
            "query": {"bool": query},
            "post_filter": {"bool": {"filter": [self.facet_filter(n, v) for n, v in params.filters.items()]}},
            "aggs": self.aggregations(params),
            "from": params.offset if offset is None else offset,
            "size": params.page_size if size is None else size,
            "track_total_hits": True,
            "_source": {"includes": sorted(self.columns["_fields"])},
            "stored_fields": ["pk"],
        }
        if params.sort == "date" or not params.tokens:
            body["sort"] = [
                {col: {"order": "desc", "missing": "_last", "unmapped_type": "date"}} for col in self.date_columns
            ] + [{self.col("first_published_at"): {"order": "desc", "missing": "_last"}}, "_score"]
        elif rescore := self.phrase_rescore(params, params.clauses()):  # (a rescore cannot follow another sort)
            body["rescore"] = rescore
        # No ``highlight``: it cost more than the rest of the query (0.7 s per query at 1,000
        # publications with the 20,000-character file texts, offsets indexed or not; 35 ms with only
        # titles, summaries and intros).  Snippets and "Did you mean" come from the loaded pages
        # (``service.run_search``).
        return body

    @cached_property
    def date_columns(self):
        from publications.models import Publication

        return [self.backend.mapping_class(Publication).get_field_column_name(FilterField("publication_date"))]

    # -- API -----------------------------------------------------------------------------------
    def searches(self, params, scope, minimum_should_match=MINIMUM_SHOULD_MATCH, *, fuzzy=(), **page):
        """Two bodies for one ``_msearch``: the page of results (ranked, rescored, with no count and
        no facets: the engine may then skip pages that cannot reach it) and the count with the
        facets (every match, unranked: a filter).  Together they cost about two thirds of one body
        doing both, where every match had to be scored for the facets' sake; the engine runs them
        side by side, and may answer the second from its request cache while the index is unchanged."""
        body = self.body(params, scope, minimum_should_match, fuzzy=fuzzy, **page)
        query = body["query"]["bool"]
        results = {key: value for key, value in body.items() if key != "aggs"}
        results["track_total_hits"] = False
        # every match (those left out of the ranked page by ``besides`` too), by the matching
        # clauses alone: the ranking's own clauses cost time here and change nothing
        matching = self.matching(params, minimum_should_match, fuzzy) if params.tokens else query["must"]
        counts = {
            "query": {"bool": {"filter": [matching, *query["filter"]]}},
            "post_filter": body["post_filter"],
            "aggs": body["aggs"],
            "size": 0,
            "track_total_hits": True,
        }
        return [results, counts]

    def msearch(self, bodies):
        header = {"index": self.index_name}
        if (request_cache := search_settings.get("SEARCH_ENGINE_REQUEST_CACHE")) is not None:
            header["request_cache"] = request_cache
        response = self.client.msearch(body=[part for body in bodies for part in (header, body)])
        responses = response["responses"]
        for answer in responses:
            if "error" in answer:  # an msearch answers 200 with each search's own error
                raise RuntimeError(f"search engine error: {answer['error']}")
        return responses

    def search(self, params, scope):
        """The reader's words as they are; when fewer than ``SEARCH_FILL_BELOW`` pages have enough
        of them, again with the words that fewer than ``RARE_BELOW`` pages have as typed matched
        within a few edits (a fuzzy word is a disjunction of up to 30 terms, a fifth of the query's
        time over 10,000 matches, and a query that many pages answer is spelled right; a word the
        index knows is spelled right too, and within two edits "return" would also find
        "retain"); and if that still finds few, the pages with some of the words follow."""
        fill_below = search_settings.get("SEARCH_FILL_BELOW")
        results, counts = self.msearch(self.searches(params, scope))
        exact = counts["hits"]["total"]["value"]
        counts_of_words = self.word_counts(params, scope) if exact < fill_below and params.tokens else {}
        fuzzy = frozenset(word for word, count in counts_of_words.items() if count < RARE_BELOW)
        if fuzzy:
            results, counts = self.msearch(self.searches(params, scope, fuzzy=fuzzy))
        hits = self._hits(results)
        strict = counts["hits"]["total"]["value"]
        if strict < fill_below and len(params.words) > 1:
            # Few pages have enough of the words: the pages with some of them follow, best first
            # (they rank below every page with enough, whatever their scores).  The count and the
            # facets are those of all of them.
            offset = max(0, params.offset - strict)
            size = params.page_size - len(hits)
            results, counts = self.msearch(
                self.searches(
                    params, scope, RELAXED, offset=offset, size=size, besides=MINIMUM_SHOULD_MATCH, fuzzy=fuzzy
                )
            )
            hits += self._hits(results, partial=True)
        facets = {}
        for name in FACETS:
            agg = counts["aggregations"][name]
            facet_counts = {}
            for sub in agg.values():
                if isinstance(sub, dict) and "buckets" in sub:
                    for bucket in sub["buckets"]:
                        key = type_label(int(bucket["key"])) if name == "type" else str(bucket["key"])
                        facet_counts[key] = facet_counts.get(key, 0) + bucket["doc_count"]
            facets[name] = facet_counts
        # the words' counts, when the search took them, also tell the correction what to replace
        unmatched = frozenset(word for word, count in counts_of_words.items() if not count) if counts_of_words else None
        # fuzziness found the pages of a misspelled query: its correction comes from their words
        return Outcome(
            count=counts["hits"]["total"]["value"],
            hits=hits,
            facets=facets,
            suggest_from_results=True,
            none_as_typed=exact == 0 and bool(hits),
            unmatched=unmatched,
        )

    def unmatched_words(self, params, scope, words=None):
        """The folded words of the query (or of ``words``) that no page in ``scope`` has as typed:
        a correction must replace them."""
        return {word for word, count in self.word_counts(params, scope, words, up_to=1).items() if not count}

    def word_counts(self, params, scope, words=None, up_to=RARE_BELOW):
        """How many pages in ``scope`` have each word of the query (or of ``words``) as typed,
        counted up to ``up_to`` (one count each, in one ``_msearch``): folded word → count."""
        words = params.words if words is None else words
        bodies = [
            {
                "query": {"bool": {"must": {"match": {"_all_text": word}}, "filter": [self.scope_filter(scope)]}},
                "size": 0,
                "track_total_hits": up_to,
            }
            for word in words
        ]
        answers = self.msearch(bodies) if bodies else []
        return {fold(word): answer["hits"]["total"]["value"] for word, answer in zip(words, answers, strict=True)}

    def _hits(self, results, partial=False):
        return [
            Hit(int(hit["fields"]["pk"][0]), float(hit.get("_score") or 0), source=self._source(hit), partial=partial)
            for hit in results["hits"]["hits"]
        ]

    def _source(self, hit):
        fields = self.columns["_fields"]
        return {fields[col]: value for col, value in (hit.get("_source") or {}).items() if col in fields}

    def autocomplete(self, text, scope, limit=8):
        body = {
            "query": {
                "bool": {
                    "must": {"match": {"_edgengrams": {"query": text, "minimum_should_match": MINIMUM_SHOULD_MATCH}}},
                    "filter": [self.scope_filter(scope)],
                }
            },
            "size": limit,
            "_source": False,
            "stored_fields": ["pk"],
        }
        response = self.client.search(index=self.index_name, body=body)
        return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
