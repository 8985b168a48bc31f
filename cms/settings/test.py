"""Fast, deterministic settings for the test suite.

DATABASE_URL picks PostgreSQL (``make test`` starts a throwaway cluster) or SQLite;
SEARCH_URL picks OpenSearch or the database backend, with an index prefix of its own.
"""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# wagtail-localize's dummy translator unless the run names another engine.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env_str("MACHINE_TRANSLATOR", "dummy"))  # noqa: F405
# Each run gets its own media folder (`make test` passes one and removes it); without one, each test
# process makes its own and removes it on exit, so no run ever sees another run's files.
if os.environ.get("TEST_MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["TEST_MEDIA_ROOT"])  # noqa: F405
else:
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="pp-test-media-"))  # noqa: F405
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
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
