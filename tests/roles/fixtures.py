"""Fixtures shared by the role tests and the browser journeys.

The groups are made once per session by the real command, committed beside the seed content
(``ensure_roles`` is idempotent, and no other test depends on Wagtail's default groups).  Users
are made per test, inside its transaction, except in the browser journeys, whose server thread
only sees committed rows.
"""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from cms.roles import EDITORS, MODERATORS, translator_group_name

ROLE_GROUPS = {
    "editor": {"name": EDITORS},
    "moderator": {"name": MODERATORS},
    "translator": {"name": translator_group_name("ru")},
    "focal_md": {"focal_point__iso_code": "MD"},
    "focal_kz": {"focal_point__iso_code": "KZ"},
}


def create_user(role, username=None, language=None):
    user = get_user_model().objects.create_user(
        username=username or role, email=f"{username or role}@example.org", password="pw-" + role
    )
    user.groups.set([Group.objects.get(**ROLE_GROUPS[role])])
    if language:
        profile = user.wagtail_userprofile
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture(scope="session")
def roles_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("ensure_roles", verbosity=0)


@pytest.fixture
def users(roles_setup, db):
    """One user per role: ``users["editor"]`` etc."""
    return {role: create_user(role) for role in ROLE_GROUPS}
