"""Saving a page in the editor: one request of a page at a time.

Wagtail's edit view loads the page, then writes the form back over the whole row. Two POSTs of one
page at once could interleave: Wagtail 8's autosave copies the form, including the hidden fields
"Approve and Publish" has just added, and posts it while the approval is still being processed (a
double click does the same). The second request, having loaded the page before the first committed,
wrote its stale row (``live = False``) back over the page just published, then failed with
``'NoneType' object has no attribute 'on_action'``: the log said "Published", the page was not live.
This is wagtail/wagtail#14460 (open when written).

Here every POST to the editor takes the page row's lock before the view loads the page, and keeps it
until its transaction commits, so a second request waits for the first and then sees what it did. An
autosave carrying a workflow action is refused outright: the reader clicked the action, whose own
request performs it.
"""

from django.db import connection, transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _

from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

#: The hidden field Wagtail's workflow-action.js adds to the edit form when an action is clicked.
WORKFLOW_ACTION_FIELD = "action-workflow-action"


class SerialisedEditView(EditView):
    def dispatch(self, request, page_id, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, page_id, **kwargs)
        if not request.accepts("text/html") and request.POST.get(WORKFLOW_ACTION_FIELD):
            return JsonResponse(
                {
                    "success": False,
                    "error_code": "locked",
                    "error_message": _("The page is being submitted; autosave waits for it."),
                },
                status=409,
            )
        if not connection.features.has_select_for_update:  # SQLite: one writer at a time anyway
            return super().dispatch(request, page_id, **kwargs)
        with transaction.atomic():
            # Waits for another request's save or publish of this page to commit.
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))
            return super().dispatch(request, page_id, **kwargs)


class SerialisedPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the edit view above (registered after Wagtail's own)."""

    edit_view_class = SerialisedEditView
