"""The translation status report in the admin (Reports → Translation status), its CSV, and section submission.

Moderators see every locale and may submit a whole section for translation; translators see
their own locale(s) only and submit nothing (cms.translators: submission is the moderators').
Everybody else is refused.  The rows come from cms.translation_report.
"""

import csv

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import get_page_models
from wagtail_localize.operations import translate_object

from cms.roles import MODERATORS
from cms.translation_report import (
    NOT_STARTED,
    PARTLY,
    STALE,
    STATUS_LABELS,
    TRANSLATED,
    sections,
    source_pages,
    status_rows,
    target_locales,
    untranslated_in_section,
)
from cms.translators import confined_locales

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"
NEEDS_TRANSLATOR = "needs_translator"


def visible_locales(user):
    """The locales ``user`` may see in the report, or ``None`` when they may not see it at all."""
    if not user.is_authenticated:
        return None
    confined = confined_locales(user)
    if confined is not None:
        return target_locales(confined)
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return target_locales()
    return None


def may_submit(user):
    return confined_locales(user) is None and user.has_perm(SUBMIT_PERMISSION)


def status_text(row):
    if row.status == STALE:
        return gettext("Stale since %(date)s") % {"date": date_format(timezone.localtime(row.stale_since), "j E Y")}
    if row.status == PARTLY:
        return gettext("Partly translated (%(percent)s%%)") % {"percent": row.percent}
    return str(STATUS_LABELS[row.status])


class ReportFilters(forms.Form):
    section = forms.TypedChoiceField(label=_("Section"), required=False, coerce=int, empty_value=None)
    page_type = forms.TypedChoiceField(label=_("Page type"), required=False, coerce=int, empty_value=None)
    locale = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data, locales):
        super().__init__(data)
        self.sections = {section.pk: section for section in sections()}
        self.fields["section"].choices = [("", _("All sections"))] + [
            (pk, section.title) for pk, section in self.sections.items()
        ]
        page_types = ContentType.objects.get_for_models(*get_page_models())
        self.fields["page_type"].choices = [("", _("All page types"))] + sorted(
            (
                (content_type.pk, str(model._meta.verbose_name).capitalize())
                for model, content_type in page_types.items()
            ),
            key=lambda choice: choice[1],
        )
        self.locales = {locale.language_code: locale for locale in locales}
        self.fields["locale"].choices = [("", _("All languages"))] + [
            (code, locale.get_display_name()) for code, locale in self.locales.items()
        ]
        self.fields["status"].choices = [("", _("Any status"))] + [
            (NEEDS_TRANSLATOR, _("Needs a translator")),
            *((status, STATUS_LABELS[status]) for status in (TRANSLATED, PARTLY, NOT_STARTED, STALE)),
        ]

    def rows(self):
        data = self.cleaned_data if self.is_valid() else {}
        section = self.sections.get(data.get("section"))
        content_type = ContentType.objects.filter(pk=data.get("page_type")).first() if data.get("page_type") else None
        locales = [self.locales[data["locale"]]] if data.get("locale") else list(self.locales.values())
        rows = status_rows(source_pages(section, content_type), locales)
        status = data.get("status")
        if status == NEEDS_TRANSLATOR:
            return [row for row in rows if row.needs_translator]
        if status:
            return [row for row in rows if row.status == status]
        return rows


CSV_HEADER = ("page", "path", "section", "page type", "language", "status", "translated", "total", "stale since")


def csv_response(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            (
                row.page.title,
                row.page.url_path,
                row.section.title if row.section else "",
                row.page.content_type.model_class()._meta.verbose_name,
                row.locale.language_code,
                row.status,
                row.translated,
                row.total,
                row.stale_since.isoformat() if row.stale_since else "",
            )
        )
    return response


def translation_report(request):
    locales = visible_locales(request.user)
    if locales is None:
        raise PermissionDenied
    filters = ReportFilters(request.GET or None, locales)
    rows = filters.rows()
    if request.GET.get("export") == "csv":
        return csv_response(rows)
    for row in rows:
        row.status_text = status_text(row)
    query = request.GET.copy()
    query["export"] = "csv"
    return render(
        request,
        "cms/admin/translation_report.html",
        {
            "filters": filters,
            "rows": rows,
            "csv_url": f"{request.path}?{query.urlencode()}",
            "may_submit": may_submit(request.user),
            "sections": filters.sections.values(),
            "locales": locales,
        },
    )


@require_POST
def submit_section(request):
    if not may_submit(request.user):
        raise PermissionDenied
    section = next((page for page in sections() if str(page.pk) == request.POST.get("section")), None)
    locale = next((loc for loc in target_locales() if loc.language_code == request.POST.get("locale")), None)
    if section is None or locale is None:
        messages.error(request, gettext("Choose a section and a language."))
        return redirect("translation_report")
    pages = untranslated_in_section(section, locale)
    with transaction.atomic():
        for page in pages:
            translate_object(page, [locale], user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d page of “%(section)s” submitted for translation into %(language)s.",
            "%(count)d pages of “%(section)s” submitted for translation into %(language)s.",
            len(pages),
        )
        % {"count": len(pages), "section": section.title, "language": locale.get_display_name()},
    )
    return redirect(f"{reverse('translation_report')}?section={section.pk}&locale={locale.language_code}")


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("reports/translation-status/", translation_report, name="translation_report"),
        path("reports/translation-status/submit/", submit_section, name="translation_report_submit"),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_locales(request.user) is not None


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translation status"), reverse("translation_report"), icon_name="site", order=810
    )
