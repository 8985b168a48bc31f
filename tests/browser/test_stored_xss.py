"""Stored-XSS attempts by low-privilege users do not run when a moderator looks at them (Chromium).

An editor stores script in a page title, a rich-text link (converted the way the admin's editor
converts it) and a document title; a focal point stores it in a workflow comment.  The moderator
then opens every admin screen that shows them; any script that ran would set ``window.__xss`` or
open a dialog.
"""

import json

import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms.models import Document
from publications.models import FactsheetPage, PublicationIndexPage
from tests.browser.accounts import committed, delete_accounts, log_in, make_accounts
from tests.roles.fixtures import roles_setup  # noqa: F401

pytestmark = pytest.mark.browser
PREFIX = "xss"
PAYLOAD = "<img src=x onerror=\"window.__xss='{where}'\"><script>window.__xss='{where}'</script>"


def rich_text_with_javascript_link():
    features = ["bold", "italic", "link", "ol", "ul", "document-link"]
    contentstate = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "text": "Click me",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 8, "key": 0}],
                "data": {},
            },
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:window.__xss='link'"}}
        },
    }
    return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


def plant(usernames):
    editor = get_user_model().objects.get(username=usernames["editor"])
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(
        instance=FactsheetPage(
            title=PAYLOAD.format(where="title"),
            slug="xss-attempt",
            live=False,
            owner=editor,
            summary=PAYLOAD.format(where="summary"),
            body=[("paragraph", rich_text_with_javascript_link())],
        )
    )
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    document = Document.objects.create(
        title=PAYLOAD.format(where="document"),
        file=ContentFile(b"plain text\n", name="xss.txt"),
        uploaded_by_user=editor,
    )
    moderator = get_user_model().objects.get(username=usernames["moderator"])
    page.current_workflow_task_state.reject(user=moderator, comment=PAYLOAD.format(where="comment"))
    return page.pk, document.pk


def remove(page_id, document_id):
    FactsheetPage.objects.filter(pk=page_id).delete()
    Document.objects.filter(pk=document_id).delete()


@pytest.fixture
def planted(roles_setup, site_url, db):  # noqa: F811
    usernames = make_accounts(PREFIX, ("editor", "moderator"))
    page_id, document_id = committed(plant, usernames)
    yield usernames, page_id, document_id
    committed(remove, page_id, document_id)
    delete_accounts(PREFIX)


def test_nothing_planted_runs_for_the_moderator(planted, new_page):
    usernames, page_id, document_id = planted
    page = new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, usernames["moderator"])
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=(PublicationIndexPage.objects.get(locale__language_code="en").pk,)),
        reverse("wagtailadmin_pages:edit", args=(page_id,)),
        reverse("wagtailadmin_pages:history", args=(page_id,)),
        reverse("wagtailadmin_pages:workflow_history", args=(page_id,)),
        reverse("wagtailadmin_pages:view_draft", args=(page_id,)),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=(document_id,)),
        reverse("wagtailadmin_reports:workflow"),
    ]
    ran = {}
    for url in screens:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if url == screens[1]:
            # The planted title is there, shown as text.
            assert "<img src=x onerror=" in page.locator("main").inner_text()
        value = page.evaluate("window.__xss")
        if value is not None:
            ran[url] = value
    assert ran == {}
    assert dialogs == []
    stored = committed(lambda: str(FactsheetPage.objects.get(pk=page_id).get_latest_revision().as_object().body))
    assert "Click me" in stored and "javascript:" not in stored  # the editor's converter dropped the link
