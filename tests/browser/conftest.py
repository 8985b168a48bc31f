"""A real HTTP server and headless Chromium for the browser tests.

pytest-django's ``live_server`` would make the tests transactional, and a transactional test
flushes the database afterwards, taking the session's seed content with it.  So the server is
Django's own ``LiveServerThread`` started once per session: its thread opens its own database
connection and sees the committed seed, while the tests themselves only read (``db`` fixture).

That needs a database shared between connections, i.e. PostgreSQL: on SQLite (an in-memory
test database per connection) the tests skip.  Without Chromium they skip on a laptop and fail
under CI=true (a missing service in CI is a failure, never a silent skip).
"""

import os
from pathlib import Path

import pytest

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection
from django.test.testcases import LiveServerThread

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _browser_requirements():
    """Checked before the seed is loaded, so the SQLite run skips without loading anything."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "browser tests need PostgreSQL: the SQLite test database is in memory and not shared "
            "with the server thread's connection (set DATABASE_URL)"
        )
    if not CHROMIUM.exists():
        _unavailable(f"Chromium is missing at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright Python package is not installed")


@pytest.fixture(scope="session")
def site_url(request, _browser_requirements, django_db_blocker):
    """Base URL of a threaded server over the seeded test database (static files included)."""
    request.getfixturevalue("django_db_setup")  # the seed, committed
    with django_db_blocker.unblock():
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait(timeout=30)
        if server.error:
            raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()


@pytest.fixture(scope="module")
def browser(site_url):
    """Chromium for one module.

    Playwright's sync API keeps an asyncio loop running in the main thread while it is open,
    and Django then refuses ORM calls there (SynchronousOnlyOperation), including the ``db``
    fixture's own transaction.  So the database is set up first (``site_url``), the escape hatch
    is opened only while the browser lives, and the browser is closed with the module, so tests
    run after this module see no loop.  The tests never use the ORM concurrently with the loop.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, site_url, db):
    """``new_page(**context_options)``: a page in a fresh context whose base URL is the server."""
    contexts = []

    def make(**options):
        options.setdefault("locale", "en-GB")
        context = browser.new_context(base_url=site_url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
