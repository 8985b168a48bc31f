from django.apps import AppConfig
from django.core import checks


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import signals, synonyms
        from .checks import check_search_engine
        from .models import SynonymGroup

        checks.register(check_search_engine, "search")
        signals.install()
        post_save.connect(synonyms.invalidate, sender=SynonymGroup, dispatch_uid="search.synonyms.saved")
        post_delete.connect(synonyms.invalidate, sender=SynonymGroup, dispatch_uid="search.synonyms.deleted")
