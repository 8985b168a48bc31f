"""Small helpers for the workflow tests: a profile with a draft, submitted the way the admin does."""

from html.parser import HTMLParser

from django.urls import reverse

from wagtail.fields import StreamField

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


class _FormFields(HTMLParser):
    """The fields the admin's edit form would post, read from its HTML (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.fields, self._select, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file", "image"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None


def edit_form_data(client, page, **changes):
    """What the page's edit form posts unchanged, with ``changes`` applied (as a dict of lists)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    data.pop("csrfmiddlewaretoken", None)
    # A StreamField's form is drawn by JavaScript, so its fields are not in the HTML: empty ones post a count of 0.
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            assert not getattr(page.specific, field.name), f"{field.name} is not empty: post it by hand"
            data[f"{field.name}-count"] = ["0"]
    data.update({name: [value] for name, value in changes.items()})
    return data
