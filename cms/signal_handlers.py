"""Publishing a page brings its synchronised fields to its live translations (cms.translation_sync)."""

from wagtail.signals import page_published

from .translation_sync import on_page_published


def synchronise_translations(sender, instance, **kwargs):
    on_page_published(instance)


def register():
    page_published.connect(synchronise_translations, dispatch_uid="cms_synchronise_translations")
