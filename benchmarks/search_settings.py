"""Settings for the search benchmarks: cms.settings.test plus a benchmark index prefix.

DJANGO_SETTINGS_MODULE=benchmarks.search_settings DATABASE_URL=... SEARCH_URL=...
"""

import os

from cms.settings.test import *  # noqa: F403
from search.config import backends_from_url

WAGTAILSEARCH_BACKENDS = backends_from_url(
    os.environ.get("SEARCH_URL"), index_prefix=os.environ.get("SEARCH_INDEX_PREFIX", "ppbench_"), timeout=30
)
ALLOWED_HOSTS = ["*"]
# Every timed query is computed: the same few queries come round again and again, and the
# engine's request cache would answer their counts and facets from memory.
SEARCH_ENGINE_REQUEST_CACHE = False
