"""Admin: documents by extraction status, with a retry for the ones that failed or got stuck."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from cms.models import ExtractionStatus

from .documents import schedule_extraction


def document_policy():
    return policy_registry.get_by_type(get_document_model())


def editable_documents(user):
    """Documents in the collections this user may change: the same set Wagtail's own listing shows."""
    return document_policy().instances_user_has_any_permission_for(user, ["change"])


def retryable(documents):
    """Failed, without text, or pending for longer than an extraction may take (a worker died)."""
    stuck_since = timezone.now() - timedelta(seconds=settings.DOCUMENT_EXTRACTION_LIMITS["wall_seconds"] * 2)
    return documents.filter(
        Q(extraction_status__in=[ExtractionStatus.FAILED, ExtractionStatus.NO_TEXT])
        | Q(extraction_status=ExtractionStatus.PENDING, updated_at__lt=stuck_since)
    )


def extraction_status(request):
    if not document_policy().user_has_any_permission(request.user, ["change"]):
        raise PermissionDenied
    status = request.GET.get("status") or ExtractionStatus.FAILED
    if status not in ExtractionStatus.values:
        status = ExtractionStatus.FAILED
    visible = editable_documents(request.user)
    counts = dict(visible.values_list("extraction_status").annotate(n=Count("pk")).order_by())
    documents = visible.filter(extraction_status=status).order_by("-created_at")[:200]
    retry_ids = set(retryable(visible.filter(pk__in=[d.pk for d in documents])).values_list("pk", flat=True))
    return TemplateResponse(
        request,
        "publications/admin/extraction_status.html",
        {
            "statuses": [(value, label, counts.get(value, 0)) for value, label in ExtractionStatus.choices],
            "active_status": status,
            "documents": documents,
            "retry_ids": retry_ids,
        },
    )


@require_POST
def retry_extraction(request):
    if not document_policy().user_has_any_permission(request.user, ["change"]):
        raise PermissionDenied
    ids = [value for value in request.POST.getlist("document") if value.isdigit()]
    documents = retryable(editable_documents(request.user).filter(pk__in=ids))
    retried = 0
    for document in documents:
        get_document_model().objects.filter(pk=document.pk).update(
            extraction_status=ExtractionStatus.PENDING, extraction_error="", updated_at=timezone.now()
        )
        schedule_extraction(document)
        retried += 1
    messages.success(request, _("%(count)d document(s) queued for text extraction.") % {"count": retried})
    return redirect("publications_extraction_status")
