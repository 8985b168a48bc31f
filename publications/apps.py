from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
