"""Shared fixtures.

The seed content is loaded once per test session (per xdist worker) on top of the migrated
test database, so every test can browse the real Prague Process site in English and Russian
inside its own rolled-back transaction.  Transactional tests run last (pytest-django orders
them so) and build the data they need themselves.
"""

import os

import pytest

from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from wagtail.models import Locale, Page


def pytest_collection_modifyitems(config, items):
    """The search suite runs once per backend, so it belongs to the SQLite smoke run too."""
    for item in items:
        if "tests/search/" in item.nodeid:
            item.add_marker(pytest.mark.smoke)


DROP_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _require_engine(request):
    """Tests that need the engine skip on a laptop without it and fail under CI=true."""
    if request.node.get_closest_marker("search_engine") and not os.environ.get("SEARCH_URL"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but SEARCH_URL is unset: this test needs a search engine")
        pytest.skip("needs a search engine: set SEARCH_URL (make opensearch or make elasticsearch)")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if os.environ.get("TEST_SKIP_SEED") == "1":  # for quick local runs of tests that need no content
        return
    # Index and reference-index updates are dropped during the load and the index is built once
    # in bulk afterwards: inline, those ~2,000 small tasks would double the set-up time.
    with django_db_blocker.unblock(), override_settings(TASKS=DROP_TASKS):
        call_command("load_prague_process", verbosity=0)
    with django_db_blocker.unblock():
        call_command("update_index", verbosity=0)


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in English and leaves no active language behind."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def en():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def ru():
    return Locale.objects.get(language_code="ru")


@pytest.fixture
def home_en(db, en):
    return Page.objects.get(depth=2, locale=en).specific


@pytest.fixture
def home_ru(db, ru):
    return Page.objects.get(depth=2, locale=ru).specific
