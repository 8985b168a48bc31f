"""SEARCH_URL → WAGTAILSEARCH_BACKENDS, without touching the network."""

import pytest

from django.core.exceptions import ImproperlyConfigured

from search.config import backends_from_url, parse_search_url

pytestmark = pytest.mark.smoke


def test_unset_means_the_database_backend():
    assert backends_from_url(None)["default"]["BACKEND"] == "search.database_backend"
    assert backends_from_url("")["default"]["BACKEND"] == "search.database_backend"


@pytest.mark.parametrize(
    ("url", "engine", "http_url"),
    [
        ("opensearch3://127.0.0.1:9200", "opensearch3", "http://127.0.0.1:9200"),
        ("opensearch2://search.internal:9200", "opensearch2", "http://search.internal:9200"),
        (
            "opensearch3s://user:secret@search.example.org:443",
            "opensearch3",
            "https://user:secret@search.example.org:443",
        ),
        ("opensearch2+https://search.example.org", "opensearch2", "https://search.example.org"),
        ("elasticsearch9://127.0.0.1:9200", "elasticsearch9", "http://127.0.0.1:9200"),
        (
            "elasticsearch9s://elastic:secret@kb.es.example.cloud:443",
            "elasticsearch9",
            "https://elastic:secret@kb.es.example.cloud:443",
        ),
    ],
)
def test_scheme_names_engine_and_version(url, engine, http_url):
    assert parse_search_url(url) == (engine, http_url)


def test_engine_backend_fails_fast_and_stems_both_languages():
    config = backends_from_url("opensearch3://127.0.0.1:9200", index_prefix="x_", timeout=3)["default"]
    assert config["BACKEND"] == "modelsearch.backends.opensearch3"
    assert config["TIMEOUT"] == 3
    assert config["OPTIONS"]["max_retries"] == 0
    filters = config["INDEX_SETTINGS"]["settings"]["index"]["analysis"]["analyzer"]["default"]["filter"]
    assert "pp_english_stemmer" in filters and "pp_russian_stemmer" in filters


@pytest.mark.parametrize("url", ["http://127.0.0.1:9200", "solr://x", "opensearch3://"])
def test_unknown_or_half_configuration_is_refused_loudly(url):
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        parse_search_url(url)


def _client(url, **kwargs):
    """The client modelsearch builds from our settings (constructing it makes no request)."""
    from modelsearch.backends import get_search_backend

    return get_search_backend("default", **backends_from_url(url, **kwargs)["default"]).es


def test_elasticsearch_credentials_from_the_url_reach_the_client_as_basic_auth():
    from base64 import b64encode

    client = _client("elasticsearch9s://elastic:secret@kb.es.example.cloud:443")
    assert client._headers["authorization"] == "Basic " + b64encode(b"elastic:secret").decode()
    node = next(iter(client.transport.node_pool.all()))
    assert (node.config.scheme, node.config.host, node.config.port) == ("https", "kb.es.example.cloud", 443)


def test_an_elasticsearch_api_key_from_the_environment_reaches_the_client():
    client = _client("elasticsearch9s://kb.es.example.cloud:443", api_key="a2V5OnNlY3JldA==")
    assert client._headers["authorization"] == "ApiKey a2V5OnNlY3JldA=="


def test_an_api_key_for_opensearch_is_refused_loudly():
    with pytest.raises(ImproperlyConfigured, match="SEARCH_API_KEY is for Elasticsearch"):
        backends_from_url("opensearch3://127.0.0.1:9200", api_key="a2V5OnNlY3JldA==")
