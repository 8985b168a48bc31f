"""Admin: documents by extraction status, with a retry for the ones that failed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from cms.models import ExtractionStatus

from .documents import schedule_extraction


def document_policy():
    return policy_registry.get_by_type(get_document_model())


def extraction_status(request):
    if not document_policy().user_has_any_permission(request.user, ["change", "add"]):
        raise PermissionDenied
    Document = get_document_model()
    status = request.GET.get("status") or ExtractionStatus.FAILED
    if status not in ExtractionStatus.values:
        status = ExtractionStatus.FAILED
    counts = dict(Document.objects.values_list("extraction_status").annotate(n=Count("pk")))
    documents = Document.objects.filter(extraction_status=status).order_by("-created_at")[:200]
    return TemplateResponse(
        request,
        "publications/admin/extraction_status.html",
        {
            "statuses": [(value, label, counts.get(value, 0)) for value, label in ExtractionStatus.choices],
            "active_status": status,
            "documents": documents,
        },
    )


@require_POST
def retry_extraction(request):
    if not document_policy().user_has_any_permission(request.user, ["change"]):
        raise PermissionDenied
    Document = get_document_model()
    ids = request.POST.getlist("document")
    documents = Document.objects.filter(
        pk__in=ids, extraction_status__in=[ExtractionStatus.FAILED, ExtractionStatus.NO_TEXT]
    )
    retried = 0
    for document in documents:
        if document_policy().user_has_permission_for_instance(request.user, "change", document):
            Document.objects.filter(pk=document.pk).update(
                extraction_status=ExtractionStatus.PENDING, extraction_error=""
            )
            schedule_extraction(document)
            retried += 1
    messages.success(request, _("%(count)d document(s) queued for text extraction.") % {"count": retried})
    return redirect("publications_extraction_status")
