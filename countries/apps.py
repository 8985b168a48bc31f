from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "countries"
    verbose_name = "Participating states"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
