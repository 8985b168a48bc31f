"""Mail about a profile's endorsement: to the state's focal point, and back to the moderators.

Wagtail mails the requester itself when the state endorses or asks for changes (its workflow
approval and rejection notifiers); what it cannot know is who a state's focal point is, so the
request, the reminders and the lapse are mailed from here.  Each recipient reads the mail in
their own admin language.
"""

import logging
import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

from cms.roles import MODERATORS

logger = logging.getLogger(__name__)


def _admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send(template, recipients, context):
    sent = 0
    for user in {user for user in recipients if user.is_active and user.email}:
        language = UserProfile.get_for_user(user).get_preferred_language()
        with translation.override(language):
            subject = " ".join(render_to_string(f"countries/mail/{template}_subject.txt", context).split())
            body = render_to_string(f"countries/mail/{template}.txt", {**context, "user": user}).strip()
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            sent += 1
        except OSError:  # an unreachable mail server must not undo the workflow step
            logger.exception("Could not mail %s about the endorsement of %s", user.email, context["page"])
    return sent


def _context(task_state):
    page = task_state.page
    return {
        "page": page,
        "task_state": task_state,
        "deadline": task_state.deadline,
        "preview_url": _admin_url("wagtailadmin_pages:workflow_preview", page.pk, task_state.task_id),
        "dashboard_url": _admin_url("wagtailadmin_home"),
        "edit_url": _admin_url("wagtailadmin_pages:edit", page.pk),
    }


def focal_points(task_state):
    group = task_state.task.specific.focal_point_group(task_state.page)
    return list(group.user_set.all()) if group else []


def moderators_and_requester(task_state):
    users = set(get_user_model().objects.filter(groups__name=MODERATORS))
    if task_state.workflow_state.requested_by:
        users.add(task_state.workflow_state.requested_by)
    return users


def mail_request(task_state):
    return _send("endorsement_requested", focal_points(task_state), _context(task_state))


def mail_reminder(task_state, now):
    # Whole days, rounded up: 29 days and 23 hours before the deadline is "30 days left".
    days_left = max(math.ceil((task_state.deadline - now).total_seconds() / 86400), 0)
    context = {**_context(task_state), "days_left": days_left}
    return _send("endorsement_reminder", focal_points(task_state), context)


def mail_lapsed(task_state):
    return _send("endorsement_lapsed", moderators_and_requester(task_state), _context(task_state))
