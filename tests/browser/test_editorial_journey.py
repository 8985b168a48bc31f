"""An editor's factsheet through the editorial review, in Chromium: submit, changes requested, fixed,
approved, read by the public."""

import re

import pytest

from django.urls import reverse

from wagtail.models import WorkflowState

from cms.models import Document
from publications.models import FactsheetPage, PublicationIndexPage
from tests.browser.accounts import JOURNEY_TIMEOUT_MS, committed, delete_accounts, log_in, make_accounts, wait_until
from tests.publications.files import make_pdf
from tests.roles.fixtures import roles_setup  # noqa: F401

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect
except ImportError:  # the session fixture skips (or fails under CI=true) with the reason
    expect = PlaywrightTimeout = None

pytestmark = pytest.mark.browser
if expect is not None:
    expect.set_options(timeout=JOURNEY_TIMEOUT_MS)  # admin steps are slow on shared cores
PREFIX = "journey-a"
TITLE = "Return and readmission factsheet (journey)"


@pytest.fixture
def accounts(roles_setup, site_url, db):  # noqa: F811
    yield make_accounts(PREFIX, ("editor", "moderator"))

    def clean():
        for page in FactsheetPage.objects.filter(slug__startswith="return-and-readmission-factsheet-journey"):
            page.delete()
        Document.objects.filter(title="Readmission figures (journey)").delete()

    committed(clean)
    delete_accounts(PREFIX)


def status(page):
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-created_at").first()
    return state and state.status


def open_actions(page):
    """The editor's footer menu of further actions (beside "Save draft")."""
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


def workflow_action(page, label, comment=None):
    """Open a workflow action from the editor's action menu and confirm it in its modal."""
    open_actions(page)
    page.get_by_role("button", name=label, exact=True).click()
    if comment is not None:
        modal = page.locator(".modal-content")
        modal.locator("textarea").fill(comment)
        modal.locator("button[type=submit]").click()


def test_factsheet_with_a_pdf_through_review_to_the_reader(accounts, new_page, tmp_path):
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    pdf = tmp_path / "readmission-figures.pdf"
    make_pdf(pdf, ["Readmission figures 2025"])

    editor = new_page()
    log_in(editor, accounts["editor"])
    editor.goto(reverse("wagtaildocs:add"))
    editor.locator("#id_title").fill("Readmission figures (journey)")
    editor.locator("#id_file").set_input_files(str(pdf))
    editor.locator("form button[type=submit]").last.click()
    expect(editor.locator(".messages")).to_contain_text("added")

    editor.goto(reverse("wagtailadmin_pages:add", args=("publications", "factsheetpage", library.pk)))
    editor.locator("#id_title").fill(TITLE + " draft")
    editor.locator("#id_summary").fill("Figures on returns in 2025.")
    editor.get_by_role("button", name="Add file").click()
    editor.get_by_role("button", name="Choose a document").first.click()
    editor.locator(".modal-content").get_by_role("link", name="Readmission figures (journey)").click()
    expect(editor.locator("#id_files-0-document-chooser")).to_contain_text("Readmission figures (journey)")
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_url("**/edit/")
    factsheet = committed(lambda: FactsheetPage.objects.get(title=TITLE + " draft"))
    open_actions(editor)
    editor.get_by_role("button", name="Submit to Editorial review").click()
    wait_until(lambda: status(factsheet) == WorkflowState.STATUS_IN_PROGRESS)
    assert not committed(lambda: FactsheetPage.objects.get(pk=factsheet.pk).live)

    moderator = new_page()
    log_in(moderator, accounts["moderator"])
    expect(moderator.locator("main")).to_contain_text(TITLE + " draft")
    moderator.goto(reverse("wagtailadmin_pages:edit", args=(factsheet.pk,)))
    workflow_action(moderator, "Request changes", comment="Please drop the word draft from the title")
    wait_until(lambda: status(factsheet) == WorkflowState.STATUS_NEEDS_CHANGES)

    editor.goto(reverse("wagtailadmin_pages:edit", args=(factsheet.pk,)))
    # The comment reaches the editor in the page's status panel.
    assert "Please drop the word draft from the title" in editor.content()
    editor.locator("#id_title").fill(TITLE)
    open_actions(editor)
    editor.get_by_role("button", name=re.compile("^Resubmit")).first.click()
    # When the moderator's review action saved a revision, Wagtail asks the editor to confirm.
    try:
        editor.locator("button:visible").filter(has_text="Resubmit to Moderator review").last.click(timeout=3000)
    except PlaywrightTimeout:
        pass
    wait_until(lambda: status(factsheet) == WorkflowState.STATUS_IN_PROGRESS)

    moderator.goto(reverse("wagtailadmin_pages:edit", args=(factsheet.pk,)))
    workflow_action(moderator, "Approve and Publish")
    wait_until(lambda: FactsheetPage.objects.get(pk=factsheet.pk).live)

    reader = new_page()
    reader.set_default_timeout(JOURNEY_TIMEOUT_MS)
    url = committed(lambda: FactsheetPage.objects.get(pk=factsheet.pk).url)
    reader.goto(url)
    expect(reader.locator("h1")).to_contain_text(TITLE)
    expect(reader.locator("main")).to_contain_text("Readmission figures")
