"""The termbase: one row per concept in both languages, kept by translators and moderators, and a
report of the Russian text that strays from it."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.models import Term
from cms.termbase_report import FORBIDDEN, MISSING, interface_findings, page_findings, uses
from publications.models import FactsheetPage
from tests.roles.test_permission_matrix import is_denial

pytestmark = pytest.mark.django_db


def snippet_url(view, *args):
    return reverse(f"wagtailsnippets_cms_term:{view}", args=args)


def test_a_term_is_one_row_holding_both_languages():
    assert not issubclass(Term, TranslatableMixin)
    factsheet = Term.objects.get(english="factsheet")
    assert factsheet.russian == "информационный листок"
    assert factsheet.forbidden("ru") == ["информационный бюллетень"]


def test_russian_terms_match_across_inflections():
    assert uses("Информационные листки Пражского процесса", "информационный листок")
    assert uses("Пилотный проект 1 – Сборник передового опыта", "сборник передового опыта")
    assert not uses("Сборник передовой практики", "сборник передового опыта")


def test_the_russian_interface_uses_the_agreed_terms():
    assert [(f.english, f.russian, f.term.english) for f in interface_findings(list(Term.objects.all()))] == []


def test_the_seeded_russian_pages_use_no_forbidden_variant():
    findings = [f for f in page_findings(list(Term.objects.all())) if f.kind != MISSING]
    assert [(f.where, f.russian) for f in findings] == []


def test_a_forbidden_variant_saved_by_a_translator_shows_in_the_report(users, client):
    russian = FactsheetPage.objects.get(locale__language_code="ru", title="Информационный листок Пражского процесса")
    translation = Translation.objects.get(source__object_id=russian.translation_key, target_locale=russian.locale)
    title = StringSegment.objects.get(context__object_id=translation.source.object_id, context__path="title")
    StringTranslation.objects.filter(
        translation_of_id=title.string_id, context_id=title.context_id, locale=russian.locale
    ).update(data="Информационный бюллетень Пражского процесса")
    client.force_login(users["translator"])
    response = client.get(reverse("termbase_report"))
    rows = [f for f in response.context["findings"] if f.where == russian.title and f.kind == FORBIDDEN]
    assert [(f.russian, f.variant) for f in rows] == [
        ("Информационный бюллетень Пражского процесса", "информационный бюллетень")
    ]
    assert "uses «информационный бюллетень» instead of «информационный листок»" in response.content.decode()


def test_the_report_is_refused_to_anonymous_and_focal_points(users, client):
    assert is_denial(client.get(reverse("termbase_report")))
    client.force_login(users["focal_md"])
    assert is_denial(client.get(reverse("termbase_report")))


@pytest.mark.parametrize("role", ("translator", "moderator"))
def test_translators_and_moderators_keep_the_termbase(role, users, client):
    client.force_login(users[role])
    response = client.post(snippet_url("add"), {"english": "focal point", "russian": "контактное лицо", "note": ""})
    assert response.status_code == 302
    term = Term.objects.get(english="focal point")
    assert client.get(snippet_url("edit", term.pk)).status_code == 200
    client.post(snippet_url("delete", term.pk))
    assert not Term.objects.filter(english="focal point").exists()


def test_editors_read_the_termbase_but_do_not_change_it(users, client):
    client.force_login(users["editor"])
    term = Term.objects.get(english="factsheet")
    assert client.get(snippet_url("list")).status_code == 200
    assert is_denial(client.get(snippet_url("edit", term.pk)))
    assert is_denial(client.post(snippet_url("delete", term.pk)))


def test_the_deepl_glossary_is_made_from_the_termbase():
    out = StringIO()
    call_command("termbase_glossary", stdout=out)
    assert "factsheet\tинформационный листок" in out.getvalue().splitlines()
