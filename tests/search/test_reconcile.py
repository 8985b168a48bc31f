"""manage.py search_reconcile finds what the index misses or holds in excess, and repairs it."""

import io

import pytest

from django.core.management import call_command

from modelsearch.backends import get_search_backend
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    try:
        call_command("search_reconcile", "--model", "wagtailcore.Page", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


def test_reconcile_reports_and_repairs_a_missing_page(make_publication):
    page = make_publication("Reconcile probe")
    backend = get_search_backend()
    backend.delete(page.specific)  # the index lost it
    if hasattr(backend, "es"):
        backend.get_index_for_model(Page).refresh()
    code, out = run()
    assert code == 1 and "missing" in out and str(page.pk) in out
    code, out = run("--repair")
    assert "repaired: 0 missing" in out
    code, out = run()
    assert code == 0 and "Index matches the database." in out
