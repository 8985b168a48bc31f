"""The termbase report in the admin: for those who keep the vocabulary (anyone who may view terms)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.termbase_report import termbase_findings

PERMISSION = "cms.view_term"


def termbase_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return render(request, "cms/admin/termbase_report.html", {"findings": termbase_findings()})


@hooks.register("register_admin_urls")
def register_termbase_report_url():
    return [path("reports/termbase/", termbase_report, name="termbase_report")]


class TermbaseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_termbase_report_menu_item():
    return TermbaseReportMenuItem(_("Termbase"), reverse("termbase_report"), icon_name="openquote", order=800)
