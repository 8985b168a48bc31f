"""Committed users and clean-up for the browser journeys.

The live server's thread has its own database connection and sees committed rows only, while
a test's own connection sits inside a transaction that is rolled back.  So the journeys create
their users, and remove what they made, in a short-lived thread whose connection autocommits.
"""

import threading

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

from tests.roles.fixtures import ROLE_GROUPS

PASSWORD = "journey-password-not-secret"  # a throwaway test database only


def committed(function, *args, **kwargs):
    """Run ``function`` on a connection of its own (autocommit) and return its result."""
    result, errors = [], []

    def target():
        try:
            result.append(function(*args, **kwargs))
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(120)
    if errors:
        raise errors[0]
    return result[0] if result else None


def make_accounts(prefix, roles):
    def create():
        users = {}
        for role in roles:
            user, _created = get_user_model().objects.update_or_create(
                username=f"{prefix}-{role}", defaults={"email": f"{prefix}-{role}@example.org", "is_active": True}
            )
            user.set_password(PASSWORD)
            user.save()
            user.groups.set([Group.objects.get(**ROLE_GROUPS[role])])
            users[role] = user.username
        return users

    return committed(create)


def delete_accounts(prefix):
    committed(lambda: get_user_model().objects.filter(username__startswith=f"{prefix}-").delete())


# Admin saves and workflow steps can take well over the public tests' 10 s on two shared cores.
JOURNEY_TIMEOUT_MS = 45_000


def log_in(page, username):
    page.set_default_timeout(JOURNEY_TIMEOUT_MS)
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def screenshot_on_failure(page, path):
    try:
        page.screenshot(path=path, full_page=True)
    except Exception:  # the browser may be gone already; the test's own failure is what matters
        pass


def wait_until(check, timeout=45.0):
    """Poll ``check`` (run on a committed connection) until it is true: the server commits asynchronously."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        if committed(check):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{check.__doc__ or check} did not happen within {timeout} s")
        time.sleep(0.2)
