"""Create (or refresh) the demo administrator and print its login.

The password is random on every run and only ever printed: no secret lives in the repository.
Refuses to run with DEBUG off, so it cannot reset a production account by accident.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or refresh the demo superuser 'admin' with a new random password, and print the login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="User name (default: admin).")
        parser.add_argument("--port", default=None, help="Port shown in the printed admin URL.")

    def handle(self, *args, username, port, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_demo_admin only runs with DEBUG on (the demo and development settings).")
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()

        port = port or os.environ.get("PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: http://127.0.0.1:{port}/admin/  user: {username}  password: {password}"
                + ("" if created else "  (password refreshed)")
            )
        )
