"""Where the Russian text strays from the termbase: pages' translated strings and the interface.

A finding is either a forbidden Russian variant in the Russian text, or an English term in the
source whose agreed Russian term is missing from its translation.  Russian inflects, so a term
matches by the stems of its words (each word's ending may vary) in order; the comparison is made
string by string, the unit a translator edits in wagtail-localize and in django.po.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import polib

from django.conf import settings

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.models import Term

FORBIDDEN = "forbidden"
MISSING = "missing"


@lru_cache(maxsize=512)
def _matcher(term):
    words = [re.escape(word[:-2] if len(word) > 5 else word) + r"\w*" for word in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words), re.IGNORECASE)


def uses(text, term):
    return bool(term) and _matcher(term).search(text or "") is not None


@dataclass(frozen=True)
class Finding:
    where: str  # a page title, or "interface"
    url: str  # the Russian page's admin edit URL, or the .po file
    english: str
    russian: str
    term: Term
    kind: str  # FORBIDDEN or MISSING

    @property
    def variant(self):
        if self.kind == MISSING:
            return ""
        return next(variant for variant in self.term.forbidden("ru") if uses(self.russian, variant))


def check_pair(english, russian, terms):
    """``[(term, kind)]`` for one source string and its Russian translation."""
    found = []
    for term in terms:
        if any(uses(russian, variant) for variant in term.forbidden("ru")):
            found.append((term, FORBIDDEN))
        elif uses(english, term.english) and not uses(russian, term.russian):
            found.append((term, MISSING))
    return found


def page_findings(terms, language="ru"):
    from django.urls import reverse

    translations = Translation.objects.filter(
        target_locale__language_code=language, enabled=True, source__specific_content_type__model__endswith="page"
    ).select_related("source", "target_locale")
    findings = []
    for translation in translations:
        target = translation.get_target_instance()
        segments = StringSegment.objects.filter(context__object_id=translation.source.object_id).select_related(
            "string"
        )
        translated = {
            (row.translation_of_id, row.context_id): row.data
            for row in StringTranslation.objects.filter(
                locale=translation.target_locale, context__object_id=translation.source.object_id
            )
        }
        for segment in segments:
            russian = translated.get((segment.string_id, segment.context_id))
            if russian is None:
                continue  # not translated yet: the status report's business
            for term, kind in check_pair(segment.string.data, russian, terms):
                url = reverse("wagtailadmin_pages:edit", args=(target.pk,))
                findings.append(Finding(target.title, url, segment.string.data, russian, term, kind))
    return findings


def interface_findings(terms, po_path=None):
    po_path = po_path or settings.LOCALE_PATHS[0] / "ru" / "LC_MESSAGES" / "django.po"
    findings = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or not entry.msgstr:
            continue
        for term, kind in check_pair(entry.msgid, entry.msgstr, terms):
            findings.append(Finding("interface", str(po_path), entry.msgid, entry.msgstr, term, kind))
    return findings


def termbase_findings():
    terms = list(Term.objects.all())
    return page_findings(terms) + interface_findings(terms)
