"""The termbase: one row per concept, holding both languages (it is deliberately not translatable).

A translatable snippet would split a term into an English and a Russian row that wagtail-localize
keeps apart; translators, the termbase report and the search's cross-language queries all need the
pair together.  Forbidden variants are the renderings we have seen and do not want, one per line.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class Term(index.Indexed, models.Model):
    english = models.CharField(_("English term"), max_length=200, unique=True)
    russian = models.CharField(_("Russian term"), max_length=200)
    forbidden_english = models.TextField(_("forbidden English variants"), blank=True, help_text=_("One per line."))
    forbidden_russian = models.TextField(_("forbidden Russian variants"), blank=True, help_text=_("One per line."))
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)  # search's cache of term groups keys on it

    panels = [
        FieldPanel("english"),
        FieldPanel("russian"),
        FieldPanel("forbidden_english"),
        FieldPanel("forbidden_russian"),
        FieldPanel("note"),
    ]
    search_fields = [index.SearchField("english"), index.SearchField("russian"), index.AutocompleteField("english")]

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("termbase")
        ordering = ["english"]

    def __str__(self):
        return f"{self.english} → {self.russian}"

    def agreed(self, language):
        return {"en": self.english, "ru": self.russian}[language]

    def forbidden(self, language):
        return _lines({"en": self.forbidden_english, "ru": self.forbidden_russian}[language])

    def search_terms(self):
        """The agreed pair, then every variant: a reader who types a forbidden variant still
        means the concept, and finds it (search/crosslang.py)."""
        return [self.english, self.russian, *self.forbidden("en"), *self.forbidden("ru")]
