"""Every analysis component the index settings name resolves on the live engine.

The names come from the settings themselves (modelsearch's defaults deep-merged with ours) and
from the live index's mapping, so a component added there is checked here without editing this
file.  On Elasticsearch's test node they come from scripts/elasticsearch/analysis-plugin; on
OpenSearch from analysis-common: a name either lacks fails here, not at the first rebuild.
"""

from copy import deepcopy

import pytest

from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.utils import deep_update
from wagtail.models import Page

from search.config import backends_from_url

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]

SAMPLE = "Réadmission ICMPD's returns реадмиссии"


def index_settings():
    """What every engine backend builds its index from (all share the base class's settings);
    computed without a backend, so the parametrisations below also collect on the database run."""
    ours = backends_from_url("elasticsearch9://127.0.0.1:9200")["default"]["INDEX_SETTINGS"]
    return deep_update(deepcopy(ElasticsearchBaseSearchBackend.settings), ours)["settings"]


def analysis():
    """modelsearch's ``analysis`` and ours under ``index.analysis``: the engines read both as one."""
    settings = index_settings()
    return deep_update(deepcopy(settings.get("analysis", {})), settings.get("index", {}).get("analysis", {}))


def test_the_live_backend_builds_its_index_from_these_settings():
    assert get_search_backend().settings["settings"] == index_settings()


def mapping_analyzers():
    """Every analyzer the live index's mapping names (analyzer and search_analyzer)."""
    backend = get_search_backend()
    index = backend.get_index_for_model(Page).name
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("analyzer", "search_analyzer") and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)

    response = backend.es.indices.get_mapping(index=index)
    walk(getattr(response, "body", response))  # elasticsearch's response object; opensearch-py's dict
    return found


def referenced(kind):
    """Names the custom analyzers use without defining them: the engine's own components."""
    defined = set(analysis().get(kind, {}))
    names = set()
    for analyzer in analysis()["analyzer"].values():
        used = [analyzer["tokenizer"]] if kind == "tokenizer" else analyzer.get("filter", [])
        names.update(name for name in used if name not in defined)
    return sorted(names)


def analyze(body, on_index=True):
    backend = get_search_backend()
    kwargs = {"index": backend.get_index_for_model(Page).name} if on_index else {}
    tokens = backend.es.indices.analyze(body={**body, "text": SAMPLE}, **kwargs)["tokens"]
    return [token["token"] for token in tokens]


def test_the_settings_name_what_modelsearch_and_the_bilingual_analyzer_need():
    # Guards the parametrisations below against an empty list (they would pass vacuously).
    assert {"ngram_analyzer", "edgengram_analyzer", "default"} <= set(analysis()["analyzer"])
    assert {"asciifolding", "lowercase"} <= set(referenced("filter"))
    assert {"ngram_tokenizer", "edgengram_tokenizer"} <= set(analysis()["tokenizer"])


@pytest.mark.parametrize("name", sorted(analysis()["analyzer"]))
def test_each_analyzer_of_the_index_settings_analyzes(name):
    assert analyze({"analyzer": name})


def test_each_analyzer_the_mapping_names_analyzes():
    names = mapping_analyzers()
    assert names, "the mapping names no analyzer"
    for name in sorted(names):
        assert analyze({"analyzer": name}), name


@pytest.mark.parametrize("name", sorted(analysis()["filter"]))
def test_each_filter_definition_resolves_on_the_node_itself(name):
    # Inline, but against the index: OpenSearch checks index.max_ngram_diff (12 there, 1 without an index).
    definition = analysis()["filter"][name]
    assert analyze({"tokenizer": "standard", "filter": [definition]})
    assert analyze({"tokenizer": "standard", "filter": [name]})


@pytest.mark.parametrize("name", sorted(analysis()["tokenizer"]))
def test_each_tokenizer_definition_resolves_on_the_node_itself(name):
    definition = analysis()["tokenizer"][name]
    assert analyze({"tokenizer": definition})
    assert analyze({"tokenizer": name})


@pytest.mark.parametrize("name", referenced("filter"))
def test_each_built_in_filter_the_analyzers_use_resolves(name):
    assert analyze({"tokenizer": "standard", "filter": [name]}, on_index=False)


@pytest.mark.parametrize("name", referenced("tokenizer"))
def test_each_built_in_tokenizer_the_analyzers_use_resolves(name):
    assert analyze({"tokenizer": name}, on_index=False)
