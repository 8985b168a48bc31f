"""Every role against every admin endpoint that could change or reveal a page, a snippet or a file.

Denials are a 403 or a redirect to the login or the dashboard; nothing written in a draft or kept
in a private file shows in any response, public search result, feed or API payload.  The URLs
come from ``reverse()``; the users belong to the real groups made by ``ensure_roles``.
"""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction

from cms.models import Document, ThematicArea
from cms.roles import EDITORS, MODERATORS
from publications.models import FactsheetPage, PublicationIndexPage

from .helpers import edit_form_data

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar-draft-7731"  # in drafts and in a private file only
ROLES = ("anonymous", "translator", "focal_md", "editor", "moderator")

# What each role may open; every other endpoint in ENDPOINTS must be refused.
ALLOWED = {
    "anonymous": set(),
    "translator": {"snippet_view"},  # the snippet list: they translate the Russian rows (tests/translation)
    "focal_md": set(),
    # An editor may withdraw (cancel) a submission of their own.
    "editor": {
        "edit",
        "copy",
        "move",
        "history",
        "compare",
        "preview",
        "workflow_history",
        "snippet_view",
        "private_file",
        "resubmit",
        "cancel",
    },
    "moderator": {
        "edit",
        "copy",
        "move",
        "delete",
        "history",
        "compare",
        "preview",
        "unpublish",
        "approve",
        "reject",
        "cancel",
        "workflow_history",
        "snippet_view",
        "snippet_edit",
        "snippet_delete",
        "private_file",
        "resubmit",
    },
}
# Where an allowed response rightly shows the draft.
SHOWS_DRAFT = {"edit", "compare", "preview", "resubmit", "cancel"}


@pytest.fixture
def objects(users, django_capture_on_commit_callbacks):
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    draft = library.add_child(
        instance=FactsheetPage(
            title="Matrix draft", slug="matrix-draft", live=False, owner=users["editor"], summary=f"<p>{SECRET}</p>"
        )
    )
    draft.save_revision(user=users["editor"])
    draft.get_workflow().start(draft, users["editor"])
    live = FactsheetPage.objects.child_of(library).live().exclude(pk=draft.pk).first()
    public_summary = live.summary
    live.summary = f"<p>{SECRET}</p>"
    live.save_revision(user=users["editor"])
    live.refresh_from_db()
    assert SECRET not in live.summary and live.summary == public_summary

    internal = Collection.get_first_root_node().add_child(name="Internal (matrix)")
    restriction = CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[EDITORS, MODERATORS]))
    document = Document.objects.create(
        title="Internal note", collection=internal, file=ContentFile(f"{SECRET}\n".encode(), name="internal.txt")
    )
    draft.refresh_from_db()
    snippet = ThematicArea.objects.filter(locale__language_code="en").first()
    return {"draft": draft, "live": live, "snippet": snippet, "document": document}


def endpoints(objects):
    draft, live, snippet, document = objects["draft"], objects["live"], objects["snippet"], objects["document"]
    task_state = draft.current_workflow_task_state
    snippet_ns = f"wagtailsnippets_{snippet._meta.app_label}_{snippet._meta.model_name}"
    return {
        "edit": ("get", reverse("wagtailadmin_pages:edit", args=(draft.pk,))),
        "copy": ("get", reverse("wagtailadmin_pages:copy", args=(live.pk,))),
        "move": ("get", reverse("wagtailadmin_pages:move", args=(draft.pk,))),
        "delete": ("get", reverse("wagtailadmin_pages:delete", args=(live.pk,))),
        "history": ("get", reverse("wagtailadmin_pages:history", args=(draft.pk,))),
        "compare": ("get", reverse("wagtailadmin_pages:revisions_compare", args=(live.pk, "live", "latest"))),
        "preview": ("get", reverse("wagtailadmin_pages:view_draft", args=(draft.pk,))),
        "unpublish": ("get", reverse("wagtailadmin_pages:unpublish", args=(live.pk,))),
        "approve": ("get", reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", task_state.pk))),
        "reject": ("get", reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "reject", task_state.pk))),
        "cancel": ("post", reverse("wagtailadmin_pages:edit", args=(draft.pk,)), {"action-cancel-workflow": "1"}),
        "resubmit": ("post", reverse("wagtailadmin_pages:edit", args=(draft.pk,)), {"action-submit": "1"}),
        "workflow_history": ("get", reverse("wagtailadmin_pages:workflow_history", args=(draft.pk,))),
        "snippet_view": ("get", reverse(f"{snippet_ns}:list")),
        "snippet_edit": ("get", reverse(f"{snippet_ns}:edit", args=(snippet.pk,))),
        "snippet_delete": ("get", reverse(f"{snippet_ns}:delete", args=(snippet.pk,))),
        "admin_api": ("get", reverse("wagtailadmin_api:pages:detail", args=(draft.pk,))),
        "private_file": ("get", reverse("wagtaildocs_serve", args=(document.pk, document.filename))),
    }


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def is_denial(response):
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home") or "login" in response.url
    return False


def request(client, objects, name, spec):
    method, url, *payload = spec
    if method == "get":
        return client.get(url)
    data = dict(payload[0]) if payload else {}
    if client.session.get("_auth_user_id") and name in {"cancel", "resubmit"}:
        try:
            form = edit_form_data(client, objects["draft"])
        except AssertionError:
            form = {}
        data = {**form, **data}
    return client.post(url, data)


def login(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_what_docs_roles_md_says_and_nothing_else(role, users, objects, client):
    login(client, users, role)
    wrong = []
    for name, spec in endpoints(objects).items():
        if name == "admin_api":
            continue  # a filtered listing, checked for leaks below
        response = request(client, objects, name, spec)
        allowed = name in ALLOWED[role]
        if allowed and is_denial(response):
            wrong.append(f"{name}: refused ({response.status_code})")
        elif not allowed and not is_denial(response):
            wrong.append(f"{name}: not refused ({response.status_code} {getattr(response, 'url', '')})")
        if not (allowed and name in SHOWS_DRAFT | {"private_file"}) and SECRET.encode() in body(response):
            wrong.append(f"{name}: shows the draft text")
    assert wrong == []


@pytest.mark.parametrize("role", ("anonymous", "translator", "focal_md"))
def test_the_admin_api_shows_no_draft_to_roles_without_page_rights(role, users, objects, client):
    login(client, users, role)
    # A page the user may not explore does not exist for the admin API (Wagtail filters its queryset).
    detail = client.get(endpoints(objects)["admin_api"][1], follow=True)
    landed = detail.redirect_chain[-1][0] if detail.redirect_chain else ""
    assert detail.status_code in {403, 404} or landed.startswith(reverse("wagtailadmin_login"))
    assert SECRET.encode() not in detail.content
    listing = client.get(reverse("wagtailadmin_api:pages:listing") + "?search=Matrix")
    assert b"Matrix draft" not in listing.content and SECRET.encode() not in listing.content


@pytest.mark.parametrize("role", ROLES)
def test_no_draft_or_private_text_reaches_public_search_feeds_or_the_api(role, users, objects, client):
    login(client, users, role)
    public = [
        # The query is one word of the secret, so an echo of the query is not a leak.
        reverse("search") + "?q=Zanzibar",
        reverse("search_api") + "?q=Zanzibar",
        reverse("wagtailapi:pages:listing") + "?search=Zanzibar",
        reverse("wagtailapi:pages:listing") + "?type=publications.FactsheetPage&fields=summary&limit=100",
        "/sitemap.xml",
        objects["live"].url,
    ]
    leaks = [url for url in public if SECRET.encode() in body(client.get(url, follow=True))]
    assert leaks == []
    assert b"Matrix draft" not in client.get(reverse("wagtailapi:pages:listing") + "?limit=100&offset=0").content
