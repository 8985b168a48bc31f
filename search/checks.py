"""System checks: the engine named by SEARCH_URL is the engine that answers, with a client that can talk to it.

Settings never touch the network; this check does, once, with a short timeout, so a wrong
major version or an unreachable engine shows up in ``manage.py check`` instead of at the first
search.  It asks ``_nodes/_local``, not ``GET /``: Elasticsearch's integ-test distribution (and
any cluster whose root endpoint is closed to us) answers ``/`` with 405.
"""

import json
import urllib.error
import urllib.request
from base64 import b64encode
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

from .config import parse_search_url

CHECK_TIMEOUT_SECONDS = 2

# SEARCH_URL scheme → (Python client distribution, the client majors that speak to that server).
CLIENTS = {
    "opensearch2": ("opensearch-py", range(2, 4)),
    "opensearch3": ("opensearch-py", range(2, 4)),
    "elasticsearch8": ("elasticsearch", range(8, 9)),
    "elasticsearch9": ("elasticsearch", range(9, 10)),
}


def fetch_engine_info(http_url, timeout=CHECK_TIMEOUT_SECONDS, api_key=None):
    """``(distribution, version number)`` of the node behind ``http_url``."""
    parts = urlsplit(http_url)
    base = f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path.rstrip('/')}"
    request = urllib.request.Request(
        f"{base}/_nodes/_local?filter_path=nodes.*.version", headers={"Accept": "application/json"}
    )
    if api_key:
        request.add_header("Authorization", f"ApiKey {api_key}")
    elif parts.username:
        token = b64encode(f"{parts.username}:{parts.password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (URL comes from settings)
        # Elasticsearch (6.x+, and every proxy in front of Elastic Cloud) names itself in this
        # header, the same signal its own client checks; OpenSearch never sends it.
        product = response.headers.get("X-Elastic-Product", "")
        info = json.load(response)
    numbers = [node.get("version", "") for node in (info.get("nodes") or {}).values()]
    distribution = "elasticsearch" if product == "Elasticsearch" else "opensearch"
    return distribution, (numbers[0] if numbers else "")


def client_problem(engine):
    """An Error if the installed Python client cannot talk to ``engine``'s server, else ``None``."""
    package, majors = CLIENTS[engine]
    try:
        installed = version(package)
    except PackageNotFoundError:
        installed = None
    if installed and int(installed.split(".")[0]) in majors:
        return None
    found = f"this environment has {package} {installed}" if installed else f"{package} is not installed"
    return checks.Error(
        f"SEARCH_URL={engine}:// needs an {package}<{majors.stop} client ({package}>={majors.start},<{majors.stop}); "
        f"{found}.",
        hint="Use the scheme of the server you run (elasticsearch9://, opensearch3://, opensearch2://), "
        "or install that client in a deployment of your own.",
        id="search.E002",
    )


def check_search_engine(app_configs=None, **kwargs):
    url = getattr(settings, "SEARCH_URL", None)
    if not url:
        return []
    engine, http_url = parse_search_url(url)
    problem = client_problem(engine)
    if problem:
        return [problem]
    api_key = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("OPTIONS", {}).get("api_key")
    try:
        distribution, number = fetch_engine_info(http_url, api_key=api_key)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        return [
            checks.Warning(
                f"The search engine at SEARCH_URL is unreachable ({exc}).",
                hint="Start it (make opensearch or make elasticsearch) or fix SEARCH_URL; "
                "searches fall back to the database until then.",
                id="search.W001",
            )
        ]
    found = f"{distribution}{number.split('.')[0]}"
    if found != engine:
        return [
            checks.Error(
                f"SEARCH_URL says {engine} but the engine is {distribution} {number}.",
                hint=f"Use {found}:// in SEARCH_URL.",
                id="search.E001",
            )
        ]
    return []


def check_reader_scope(app_configs=None, **kwargs):
    """Every searchable page type lists ``reader_codes``: the engines show a reader only the pages
    whose entry names them, so a type without it would never be found there."""
    from wagtail.models import Page, get_page_models

    from cms.reader_scope import READER_CODES_FIELD, ReaderScopedPage

    errors = []
    for model in get_page_models():
        if model is Page or not model.search_fields:
            continue
        names = {field.field_name for field in model.get_search_fields()}
        if not issubclass(model, ReaderScopedPage) or READER_CODES_FIELD not in names:
            errors.append(
                checks.Error(
                    f"{model._meta.label} is searchable but is not a ReaderScopedPage with READER_SCOPE_FIELD "
                    "in its search_fields: the search engines would never show it.",
                    hint="Mix cms.reader_scope.ReaderScopedPage in before Page and add READER_SCOPE_FIELD to "
                    "search_fields.",
                    obj=model,
                    id="search.E010",
                )
            )
    return errors
