"""Settings shared by every environment.  Machine-specific values come from the environment."""

import shutil
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

from search.config import backends_from_url

from .env import env_bool, env_int, env_list, env_str
from .machine_translation import machine_translator

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "publications",
    "countries",
    "search",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.translators.LocalizeGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cms.context_processors.site_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite when DATABASE_URL is unset (the demo), PostgreSQL in tests and production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language, Russian the first translation.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
# A page submitted for translation gets its Russian twin at once, filled with English: kept a draft
# (False) so readers under /ru/ get the English page with the "not yet translated" notice
# (cms.i18n's fallback, tests/test_reader_fallback.py) until a translator publishes the Russian one.
# True (wagtail-localize's default) would publish the twin whenever its source is live: an English
# text under a Russian URL, claiming a translation. It is about submission only; synchronised fields
# reach live translations on every publish of the source by cms.translation_sync.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Prague Process"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "cms.Document"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "txt"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Search: SEARCH_URL unset → database backend; opensearch2://, opensearch3:// or elasticsearch9://
# → that engine (docs/search.md).  SEARCH_API_KEY: an Elasticsearch API key (never in the URL).
SEARCH_URL = env_str("SEARCH_URL")
WAGTAILSEARCH_BACKENDS = backends_from_url(
    SEARCH_URL,
    index_prefix=env_str("SEARCH_INDEX_PREFIX", "pp_"),
    timeout=env_int("SEARCH_TIMEOUT", 5),
    api_key=env_str("SEARCH_API_KEY"),
)

# Background work: a database-backed queue and its worker (manage.py db_worker).
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # One line per task is noise in commands that enqueue thousands; the worker can turn it up.
        "django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
        # The engine client logs every request at INFO; failures still show.
        "opensearch": {"level": env_str("SEARCH_CLIENT_LOG_LEVEL", "WARNING")},
        "elastic_transport": {"level": env_str("SEARCH_CLIENT_LOG_LEVEL", "WARNING")},
    },
}

# Documents: what an upload may be, and how big.
DOCUMENT_MAX_UPLOAD_BYTES = env_int("DOCUMENT_MAX_UPLOAD_MB", 100) * 1024 * 1024
DOCUMENT_EXTRACTION_LIMITS = {
    "cpu_seconds": env_int("EXTRACTION_CPU_SECONDS", 120),
    "memory_mb": env_int("EXTRACTION_MEMORY_MB", 1024),
    "wall_seconds": env_int("EXTRACTION_WALL_SECONDS", 300),
    "max_chars": env_int("EXTRACTION_MAX_CHARS", 2_000_000),
    # OCR of scanned PDFs (Tesseract, English and Russian) wherever Tesseract is installed.
    "ocr": env_bool("EXTRACTION_OCR", shutil.which("tesseract") is not None),
}
# What the search index takes of one document's text (PostgreSQL's tsvector is capped at 1 MB).
SEARCH_TEXT_MAX_CHARS = env_int("SEARCH_TEXT_MAX_CHARS", 200_000)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "publications.forms.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# --- Roles, workflows and mail (issue 8; docs/roles.md) -------------------------------------------
# The states list the focal-point groups are made from (manage.py ensure_roles).
PARTICIPATING_STATES_FILE = env_str(
    "PARTICIPATING_STATES_FILE", str(BASE_DIR / "home" / "seed" / "data" / "participating-states.csv")
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Prague Process knowledge base <no-reply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Mail goes to the people concerned (reviewers, the requester), not to every superuser as well.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.publish_approved"
# An endorsement lapses this many calendar months after the profile was (re)submitted, with
# reminders to the state's focal point this many days before the deadline.
ENDORSEMENT_PERIOD_MONTHS = env_int("ENDORSEMENT_PERIOD_MONTHS", 3)
ENDORSEMENT_REMINDER_DAYS = [int(days) for days in env_list("ENDORSEMENT_REMINDER_DAYS", ["30", "7"])]
# --- end of issue 8 ------------------------------------------------------------------------------

# Machine translation in wagtail-localize's editor: chosen by MACHINE_TRANSLATOR (see the module).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()
