"""Small helpers for the workflow tests: a profile with a draft, submitted the way the admin does."""

from django.urls import reverse

from countries.models import CountryPage


def profile(iso, language="en"):
    return CountryPage.objects.get(iso_code=iso, locale__language_code=language)


def submit_profile(iso, moderator, draft_text="Draft text under endorsement"):
    """A moderator saves a draft of the state's profile and submits it: the endorsement opens."""
    page = profile(iso)
    page.summary = f"<p>{draft_text}</p>"
    page.save_revision(user=moderator)
    page.get_workflow().start(page, moderator)
    page.refresh_from_db()
    return page


def action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def preview_url(page):
    return reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, page.current_workflow_task.pk))
