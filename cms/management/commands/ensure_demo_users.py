"""Create (or refresh) one demo user per role and print their logins.

Passwords are random on every run and only ever printed: no secret lives in the repository.
Refuses to run with DEBUG off, like ensure_demo_admin.  Run ensure_roles first.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cms.roles import EDITORS, MODERATORS, translator_group_name

FOCAL_POINT_STATES = ("MD", "KZ")  # Moldova is the demo's named state; Kazakhstan shows the other side


def demo_accounts():
    """``[(username, group lookup, label)]`` — one login per role."""
    accounts = [("editor", {"name": EDITORS}, "Editor"), ("moderator", {"name": MODERATORS}, "Moderator")]
    for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            accounts.append((f"translator-{code}", {"name": translator_group_name(code)}, f"Translator ({code})"))
    for iso in FOCAL_POINT_STATES:
        accounts.append((f"focal-{iso.lower()}", {"focal_point__iso_code": iso}, f"Focal point ({iso})"))
    return accounts


class Command(BaseCommand):
    help = "Create or refresh one demo user per role (editor, moderator, translators, focal points) and print logins."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=None, help="Port shown in the printed admin URL.")

    def handle(self, *args, port, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_demo_users only runs with DEBUG on (the demo and development settings).")
        port = port or os.environ.get("PORT", "8000")
        self.stdout.write(f"Role logins (admin: http://127.0.0.1:{port}/admin/):")
        for username, lookup, label in demo_accounts():
            group = Group.objects.filter(**lookup).first()
            if group is None:
                raise CommandError(f"No group for {label}: run `manage.py ensure_roles` first.")
            password = secrets.token_urlsafe(12)
            user, _created = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            user.is_staff = user.is_superuser = False
            user.is_active = True
            user.set_password(password)
            user.save()
            user.groups.set([group])
            self.stdout.write(f"  {label:<20} user: {username:<16} password: {password}   ({group.name})")
        self.stdout.write(self.style.SUCCESS(f"{len(demo_accounts())} role logins ready (passwords new on every run)."))
