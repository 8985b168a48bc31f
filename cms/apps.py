from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Core"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
