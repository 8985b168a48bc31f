"""Fast, deterministic settings for the test suite.

DATABASE_URL picks PostgreSQL (``make test`` starts a throwaway cluster) or SQLite;
SEARCH_URL picks OpenSearch or the database backend, with an index prefix of its own.
"""

import os

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/pp-test-media"))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run inline unless a test is about the queue itself (it overrides TASKS).
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
WAGTAILSEARCH_BACKENDS = backends_from_url(  # noqa: F405
    SEARCH_URL,  # noqa: F405
    index_prefix=env_str("SEARCH_INDEX_PREFIX", f"pptest{os.getpid()}_"),
    timeout=10,
)
