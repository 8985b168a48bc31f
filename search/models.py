"""Editor-managed synonyms, applied at query time on every backend."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

SPLIT = re.compile(r"[;\n]+")


class SynonymGroup(models.Model):
    """Terms that mean the same thing: a query for any one of them finds all of them."""

    name = models.CharField(_("name"), max_length=120, help_text=_("For editors only, e.g. 'Türkiye'."))
    terms = models.TextField(
        _("terms"),
        help_text=_("One term per line or separated by ';', in any language. Phrases are allowed."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def term_list(self):
        seen, terms = set(), []
        for term in SPLIT.split(self.terms):
            term = " ".join(term.split())
            if term and term.casefold() not in seen:
                seen.add(term.casefold())
                terms.append(term)
        return terms
