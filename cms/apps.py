from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Core"

    def ready(self):
        from . import signal_handlers, sites  # noqa: F401  (sites: its receivers keep the site cache current)

        signal_handlers.register()
