"""manage.py check compares SEARCH_URL with the engine that answers, and with the installed client."""

import os
import socket
from urllib.parse import urlsplit

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from search.checks import check_search_engine
from search.config import parse_search_url

# The engine each scheme is not: a SEARCH_URL naming it must be refused by the check.
OTHER_ENGINE = {"opensearch": "elasticsearch9", "elasticsearch": "opensearch3"}


def ids(messages):
    return [message.id for message in messages]


def test_elasticsearch8_is_refused_for_its_client_before_any_query(settings):
    settings.SEARCH_URL = "elasticsearch8://127.0.0.1:9200"
    messages = check_search_engine()
    assert ids(messages) == ["search.E002"]
    assert "needs an elasticsearch<9 client" in messages[0].msg
    with pytest.raises(SystemCheckError, match="needs an elasticsearch<9 client"):
        call_command("check")


@pytest.mark.parametrize("scheme", ["opensearch3", "elasticsearch9"])
def test_an_unreachable_engine_is_a_warning_with_the_way_out(settings, scheme):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    settings.SEARCH_URL = f"{scheme}://127.0.0.1:{port}"
    messages = check_search_engine()
    assert ids(messages) == ["search.W001"]
    assert "unreachable" in messages[0].msg


@pytest.mark.search_engine
def test_the_engine_that_answers_passes_the_check(settings):
    # Elasticsearch's test distribution answers `GET /` with 405: the check must not need it.
    settings.SEARCH_URL = os.environ["SEARCH_URL"]
    assert check_search_engine() == []


@pytest.mark.search_engine
def test_a_scheme_naming_another_engine_is_an_error_naming_the_real_one(settings):
    engine, http_url = parse_search_url(os.environ["SEARCH_URL"])
    family = engine.rstrip("0123456789")
    settings.SEARCH_URL = f"{OTHER_ENGINE[family]}://{urlsplit(http_url).netloc}"
    messages = check_search_engine()
    assert ids(messages) == ["search.E001"]
    assert f"the engine is {family} {engine[len(family) :]}." in messages[0].msg
    assert f"Use {engine}://" in messages[0].hint
