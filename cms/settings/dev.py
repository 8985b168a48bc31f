"""Local development and the demo: SQLite and the database search backend unless told otherwise."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
# A development-only key; production refuses to start without SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-not-for-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
