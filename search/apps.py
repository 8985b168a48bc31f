from django.apps import AppConfig
from django.core import checks


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals
        from .checks import check_reader_scope, check_search_engine

        checks.register(check_search_engine, "search")
        checks.register(check_reader_scope, "search")
        signals.install()
        signals.connect_translation_reindex()
