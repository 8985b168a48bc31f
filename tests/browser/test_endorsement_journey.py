"""A migration profile's endorsement in Chromium: Moldova's focal point endorses, another profile
lapses (the scheduler run at a later time), and a third state's focal point sees neither draft."""

import datetime

import pytest

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from countries.models import CountryPage, EndorsementEvent
from tests.browser.accounts import JOURNEY_TIMEOUT_MS, committed, delete_accounts, log_in, make_accounts, wait_until
from tests.conftest import DROP_TASKS
from tests.roles.fixtures import roles_setup  # noqa: F401

try:
    from playwright.sync_api import expect
except ImportError:  # the session fixture skips (or fails under CI=true) with the reason
    expect = None

pytestmark = pytest.mark.browser
if expect is not None:
    expect.set_options(timeout=JOURNEY_TIMEOUT_MS)  # admin steps are slow on shared cores
PREFIX = "journey-b"
STATES = ("MD", "GE")


def english(iso):
    return CountryPage.objects.get(iso_code=iso, locale__language_code="en")


def restore(reload_seed=False):
    """Put both profiles back as the seed left them (the journey commits through the live server).

    The workflow, its log and the status are removed here; the pages' published content is put back
    by the seed loader itself, the one authority on what the seed holds (later tests in the same
    worker, the loader's idempotence test among them, find the seed unchanged).
    """
    pages = CountryPage.objects.filter(iso_code__in=STATES)
    WorkflowState.objects.filter(object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]).delete()
    EndorsementEvent.objects.filter(page__in=pages).delete()
    pages.update(endorsement_status="", endorsement_date=None, locked=False, locked_by=None, locked_at=None)
    if reload_seed:
        with override_settings(TASKS=DROP_TASKS):
            call_command("load_prague_process", verbosity=0)


@pytest.fixture
def accounts(roles_setup, site_url, db):  # noqa: F811
    committed(restore)
    yield make_accounts(PREFIX, ("moderator", "focal_md", "focal_kz"))
    committed(restore, reload_seed=True)
    delete_accounts(PREFIX)


def open_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


def submit_for_endorsement(moderator, iso):
    profile = committed(english, iso)
    moderator.goto(reverse("wagtailadmin_pages:edit", args=(profile.pk,)))
    open_actions(moderator)
    moderator.get_by_role("button", name="Submit to Profile endorsement").click()
    wait_until(lambda: english(iso).workflow_in_progress)
    return committed(lambda: (english(iso).pk, english(iso).current_workflow_task.pk))


def test_endorsed_lapsed_and_unseen(accounts, new_page):
    moderator = new_page()
    log_in(moderator, accounts["moderator"])
    moldova_id, task_id = submit_for_endorsement(moderator, "MD")
    georgia_id, _task = submit_for_endorsement(moderator, "GE")
    previews = [reverse("wagtailadmin_pages:workflow_preview", args=(pk, task_id)) for pk in (moldova_id, georgia_id)]

    outsider = new_page()
    log_in(outsider, accounts["focal_kz"])
    expect(outsider.locator("main")).not_to_contain_text("Moldova")
    for url in previews + [reverse("wagtailadmin_pages:edit", args=(moldova_id,))]:
        outsider.goto(url)
        expect(outsider).to_have_url(f"{outsider.url.split('/admin/')[0]}/admin/")

    focal_point = new_page()
    log_in(focal_point, accounts["focal_md"])
    dashboard = focal_point.locator("main")
    expect(dashboard).to_contain_text("Moldova")
    expect(dashboard).not_to_contain_text("Georgia")
    focal_point.goto(previews[0])
    expect(focal_point.locator("h1")).to_contain_text("Moldova")
    focal_point.goto("/admin/")
    focal_point.locator("main").get_by_role("button", name="Actions").first.click()
    focal_point.get_by_role("button", name="Endorse with comment").click()
    focal_point.locator(".modal-content textarea").fill("Endorsed by the Bureau for Migration and Asylum")
    focal_point.locator(".modal-content button[type=submit]").click()
    wait_until(lambda: english("MD").endorsement_status == "endorsed")

    # Three months and a day later the scheduler runs: Georgia's profile goes out as a draft.
    later = timezone.localtime() + datetime.timedelta(days=93)
    committed(call_command, "endorsement_deadlines", "--now", later.isoformat(), verbosity=0)

    reader = new_page()
    reader.set_default_timeout(JOURNEY_TIMEOUT_MS)
    reader.goto(committed(lambda: english("MD").url))
    badge = reader.locator(".page-header .badge").filter(has_text="Endorsed by the state")
    expect(badge).to_contain_text(timezone.localdate().strftime("%-d"))
    expect(badge.locator("time")).to_have_attribute("datetime", timezone.localdate().isoformat())
    reader.goto(committed(lambda: english("GE").url))
    expect(reader.locator(".page-header")).to_contain_text("Draft, not endorsed by the state")
