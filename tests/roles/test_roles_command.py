"""The role set-up command: what each group may do, and that re-running changes nothing."""

from io import StringIO

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, WorkflowPage

from cms.models import FocalPointGroup
from cms.roles import EDITORS, participating_states
from countries.models import CountryIndexPage, CountryPage
from publications.models import FactsheetPage, PublicationIndexPage

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("ensure_roles", *args, stdout=out)
    return out.getvalue()


def test_a_second_run_changes_nothing(roles_setup):
    assert "0 created, 0 corrected, 53 already right" in run()


def test_a_permission_removed_by_hand_is_restored(roles_setup):
    editors = Group.objects.get(name=EDITORS)
    GroupPagePermission.objects.filter(group=editors).delete()
    assert "1 corrected" in run()
    library = PublicationIndexPage.objects.first()
    assert GroupPagePermission.objects.filter(group=editors, page=library, permission__codename="change_page").exists()


def test_a_permission_granted_by_hand_is_withdrawn(roles_setup):
    editors = Group.objects.get(name=EDITORS)
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(
        group=editors, page=Page.objects.get(depth=2, locale__language_code="en"), permission=publish
    )
    run()
    assert not GroupPagePermission.objects.filter(group=editors, permission=publish).exists()


def test_one_focal_point_group_per_state_with_admin_access_only(roles_setup):
    states = participating_states()
    assert len(states) == 50
    assert FocalPointGroup.objects.count() == 50
    moldova = FocalPointGroup.objects.get(iso_code="MD").group
    assert moldova.name == "Focal point: Moldova (MD)"
    assert [p.codename for p in moldova.permissions.all()] == ["access_admin"]
    assert not GroupPagePermission.objects.filter(group__focal_point__isnull=False).exists()


def test_editors_cannot_publish_and_moderators_can_in_both_locales(roles_setup, users):
    for library in PublicationIndexPage.objects.all():
        factsheet = FactsheetPage.objects.child_of(library).first()
        assert factsheet.permissions_for_user(users["editor"]).can_edit()
        assert not factsheet.permissions_for_user(users["editor"]).can_publish()
        assert factsheet.permissions_for_user(users["moderator"]).can_publish()
    profile = CountryPage.objects.filter(locale__language_code="ru").first()
    assert profile.permissions_for_user(users["moderator"]).can_unpublish()
    assert not profile.permissions_for_user(users["editor"]).can_edit()


def test_workflows_cover_the_site_and_the_english_profiles(roles_setup):
    root = Page.get_first_root_node()
    assert WorkflowPage.objects.get(page=root).workflow.name == "Editorial review"
    for library in PublicationIndexPage.objects.all():
        assert library.get_workflow().name == "Editorial review"
    english, russian = (CountryPage.objects.get(iso_code="MD", locale__language_code=code) for code in ("en", "ru"))
    assert english.get_workflow().name == "Profile endorsement"
    assert russian.get_workflow().name == "Editorial review"
    assert CountryIndexPage.objects.filter(workflowpage__isnull=False).count() == 1


def test_help_describes_the_command():
    with pytest.raises(SystemExit):
        call_command("ensure_roles", "--help", stdout=StringIO())


def test_a_missing_states_file_is_a_clear_error(roles_setup):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="/nowhere.csv"):
        run("--states", "/nowhere.csv")
