"""A frozen engine (its process stopped with SIGSTOP: the port accepts, nothing answers) costs
readers one short timeout and a notice, and editors nothing, exactly as a stopped one does.

``silent_engine`` imitates it on both clients with a socket that listens and never answers, which
is what a frozen node looks like from outside; ``frozen_node`` really stops the node under test.
"""

import os
import signal
import socket
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from django.core.cache import cache
from django.test import override_settings

from search.backends import get_strategy
from search.config import backends_from_url

pytestmark = pytest.mark.django_db
TIMEOUT = 1  # seconds the client waits for an answer


def _reset():
    get_strategy.cache_clear()
    cache.delete("search:engine-down")


@pytest.fixture(params=["opensearch3", "elasticsearch9"])
def silent_engine(request):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)  # connections complete in the kernel's backlog and are never read
        _reset()
        url = f"{request.param}://127.0.0.1:{sock.getsockname()[1]}"
        with override_settings(WAGTAILSEARCH_BACKENDS=backends_from_url(url, timeout=TIMEOUT)):
            yield
        _reset()


def test_readers_get_database_results_and_a_notice_after_one_short_timeout(silent_engine, client, make_publication):
    make_publication("Frozen probe readmission", summary="Written before the freeze.")
    started = time.monotonic()
    page = client.get("/en/search/", {"q": "frozen probe"})
    api = client.get("/api/search/", {"q": "frozen probe"}).json()
    assert time.monotonic() - started < 2 * TIMEOUT + 2  # the second request no longer waits
    assert page.status_code == 200 and "data-search-notice" in page.content.decode()
    assert api["backend"] == "fallback" and api["count"] == 1


def test_editors_publish_while_the_engine_is_frozen(silent_engine, make_publication):
    started = time.monotonic()
    page = make_publication("Frozen probe published", summary="Published during the freeze.")
    assert time.monotonic() - started < 4 * TIMEOUT + 3
    page.refresh_from_db()
    assert page.live and page.has_unpublished_changes is False


def test_the_wagtail_api_search_answers_503_while_frozen(silent_engine, client):
    response = client.get("/api/v2/pages/", {"search": "migration"})
    assert response.status_code == 503


def _node_pid():
    """The PID of the node under test, from the launcher's state file (scripts/test.sh exports it)."""
    state = os.environ.get("SEARCH_ENGINE_STATE", "")
    if not state or not Path(state).is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but SEARCH_ENGINE_STATE names no launcher state file")
        pytest.skip("needs the node started by scripts/search-engine.sh (SEARCH_ENGINE_STATE)")
    values = dict(line.split("=", 1) for line in Path(state).read_text().splitlines() if "=" in line)
    pid = int(values["PID"])
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    assert values["NODE_HOME"] in cmdline and ".bootstrap." in cmdline, "the state file names no live node"
    return pid


@contextmanager
def frozen(pid):
    """The node stopped with SIGSTOP, searched with a short timeout; always thawed afterwards."""
    _reset()
    url = os.environ["SEARCH_URL"]
    with override_settings(WAGTAILSEARCH_BACKENDS=backends_from_url(url, timeout=2)):
        os.kill(pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(pid, signal.SIGCONT)
    _reset()


@pytest.mark.search_engine
def test_a_really_frozen_node_falls_back_and_answers_again_once_thawed(client, make_publication):
    pid = _node_pid()
    make_publication("Thaw probe okapi", summary="Indexed before the freeze.")
    with frozen(pid):
        started = time.monotonic()
        data = client.get("/api/search/", {"q": "thaw probe okapi"}).json()
        assert time.monotonic() - started < 6
        assert data["backend"] == "fallback" and data["count"] == 1
    data = client.get("/api/search/", {"q": "thaw probe okapi"}).json()
    # (pages with only some of the words may follow it: another test's "probe" or "okapi")
    full = [item["title"] for item in data["results"] if not item["partial"]]
    assert data["backend"] == "engine" and full == ["Thaw probe okapi"]
