"""System checks: the engine named by SEARCH_URL is the engine that answers.

Settings never touch the network; this check does, once, with a short timeout, so a wrong
major version or an unreachable engine shows up in ``manage.py check`` instead of at the first
search.
"""

import json
import urllib.error
import urllib.request
from base64 import b64encode
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

from .config import parse_search_url

CHECK_TIMEOUT_SECONDS = 2


def fetch_engine_info(http_url, timeout=CHECK_TIMEOUT_SECONDS):
    """``GET /`` of the engine: its distribution and version number."""
    parts = urlsplit(http_url)
    base = f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}{parts.path.rstrip('/')}/"
    request = urllib.request.Request(base, headers={"Accept": "application/json"})
    if parts.username:
        token = b64encode(f"{parts.username}:{parts.password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (URL comes from settings)
        info = json.load(response)
    version = info.get("version", {})
    return version.get("distribution", "elasticsearch"), version.get("number", "")


def check_search_engine(app_configs=None, **kwargs):
    url = getattr(settings, "SEARCH_URL", None)
    if not url:
        return []
    engine, http_url = parse_search_url(url)
    try:
        distribution, number = fetch_engine_info(http_url)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        return [
            checks.Warning(
                f"The search engine at SEARCH_URL is unreachable ({exc}).",
                hint="Start it (make opensearch) or fix SEARCH_URL; searches fall back to the database until then.",
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
