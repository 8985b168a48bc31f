"""The translation status report says what the pages hold, for moderators and translators only.

Its rows are read back from the admin page (one ``<tr>`` per page × locale, with the page's id and
the locale in data attributes) and from its CSV, and compared with what the seed and each test did
to the pages: a finished seed translation, a page never submitted, a translation missing one
string, an English page published again after it was translated.
"""

import csv
import io
import re

import pytest

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import Locale, Page, PageLogEntry
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from cms.translation_report import pages_needing_translator
from home.models import ProjectPage, StandardPage
from publications.models import FactsheetPage
from tests.roles.fixtures import create_user
from tests.roles.test_permission_matrix import is_denial

pytestmark = pytest.mark.django_db
REPORT = "translation_report"
ROW = re.compile(
    r'<tr class="translation-status translation-status--(?P<status>\w+)" data-page="(?P<page>\d+)" '
    r'data-locale="(?P<locale>\w+)">(?P<cells>.*?)</tr>',
    re.S,
)


def report(client, **filters):
    response = client.get(reverse(REPORT), filters)
    assert response.status_code == 200
    return {
        (int(match["page"]), match["locale"]): (match["status"], re.sub(r"\s+", " ", match["cells"]))
        for match in ROW.finditer(response.content.decode())
    }


def csv_rows(client, **filters):
    response = client.get(reverse(REPORT), {**filters, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.fixture
def moderator(users, client):
    client.force_login(users["moderator"])
    return users["moderator"]


@pytest.fixture
def never_submitted(home_en):
    section = home_en.add_child(instance=StandardPage(title="Visa facilitation", slug="visa-facilitation"))
    section.save_revision().publish()
    child = section.add_child(instance=StandardPage(title="Visa statistics", slug="visa-statistics"))
    child.save_revision().publish()
    return section, child


@pytest.fixture
def partly_translated():
    russian = FactsheetPage.objects.filter(locale__language_code="ru", live=True).first()
    translation = Translation.objects.get(source__object_id=russian.translation_key, target_locale=russian.locale)
    StringTranslation.objects.filter(
        locale=russian.locale, context__object_id=translation.source.object_id
    ).first().delete()
    total, translated = translation.get_progress()
    return russian.get_translation(Locale.objects.get(language_code="en")), translated, total


def english_pp_ti():
    return ProjectPage.objects.get(locale__language_code="en", slug__startswith="pp-ti")


def test_rows_say_what_the_pages_hold(moderator, client, never_submitted, partly_translated):
    section, _child = never_submitted
    factsheet, translated, total = partly_translated
    rows = report(client)
    assert rows[(english_pp_ti().pk, "ru")][0] == "translated"
    assert rows[(section.pk, "ru")][0] == "not_started"
    status, cells = rows[(factsheet.pk, "ru")]
    assert status == "partly"
    assert f"Partly translated ({int(100 * translated / total)}%)" in cells


def test_a_source_published_after_translation_is_stale_since_then(moderator, client):
    english = english_pp_ti()
    draft = english.get_latest_revision_as_object()
    draft.summary = draft.summary + " Updated."
    draft.save_revision().publish()
    published_at = PageLogEntry.objects.filter(page=english, action="wagtail.publish").latest("timestamp").timestamp

    status, cells = report(client)[(english.pk, "ru")]
    assert status == "stale"
    assert "Stale since " + date_format(timezone.localtime(published_at), "j E Y") in cells
    [row] = [row for row in csv_rows(client) if row["path"] == english.url_path and row["language"] == "ru"]
    assert row["status"] == "stale" and row["stale since"] == published_at.isoformat()


def test_filters_by_section_type_and_status(moderator, client, never_submitted):
    section, child = never_submitted
    assert set(report(client, section=section.pk)) == {(section.pk, "ru"), (child.pk, "ru")}
    factsheets = set(FactsheetPage.objects.filter(locale__language_code="en").values_list("pk", flat=True))
    by_type = report(client, page_type=FactsheetPage().cached_content_type.pk)
    assert {page for page, _locale in by_type} == factsheets
    not_started = report(client, status="not_started")
    assert (section.pk, "ru") in not_started and (english_pp_ti().pk, "ru") not in not_started


def test_csv_has_the_same_rows_and_filters(moderator, client, never_submitted):
    section, child = never_submitted
    rows = csv_rows(client, section=section.pk)
    assert [(row["page"], row["language"], row["status"]) for row in rows] == [
        ("Visa facilitation", "ru", "not_started"),
        ("Visa statistics", "ru", "not_started"),
    ]
    assert len(csv_rows(client)) == len(report(client))


def test_the_panel_counts_the_rows_its_link_shows(users, client, partly_translated):
    client.force_login(users["translator"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    count = len(pages_needing_translator(["ru"]))
    assert count >= 1
    label = f"{count} page needs you" if count == 1 else f"{count} pages need you"
    assert label in home
    link = re.search(r'href="([^"]*translation-status[^"]*)"', home)[1].replace("&amp;", "&")
    shown = ROW.findall(client.get(link).content.decode())
    assert len(shown) == count


def test_translators_see_their_locale_and_cannot_submit(users, client, never_submitted):
    section, _child = never_submitted
    client.force_login(users["translator"])
    rows = report(client)
    assert rows and {locale for _page, locale in rows} == {"ru"}
    assert "Submit this section for translation" not in client.get(reverse(REPORT)).content.decode()
    assert is_denial(client.post(reverse("translation_report_submit"), {"section": section.pk, "locale": "ru"}))
    assert not Page.objects.filter(translation_key=section.translation_key, locale__language_code="ru").exists()


def test_a_moderator_submits_a_whole_section(moderator, client, never_submitted):
    section, child = never_submitted
    response = client.post(reverse("translation_report_submit"), {"section": section.pk, "locale": "ru"}, follow=True)
    assert "2 pages of “Visa facilitation” submitted for translation into" in response.content.decode()
    for page in (section, child):
        russian = Page.objects.get(translation_key=page.translation_key, locale__language_code="ru")
        assert not russian.live  # a draft filled with English until a translator publishes it
        assert Translation.objects.filter(source__object_id=page.translation_key, target_locale=russian.locale)
    rows = report(client, section=section.pk)
    assert {status for status, _cells in rows.values()} == {"not_started"}


@pytest.mark.parametrize("role", [None, "editor", "focal_md"])
def test_others_are_refused(users, client, role):
    if role:
        client.force_login(users[role])
    assert is_denial(client.get(reverse(REPORT)))
    assert is_denial(client.get(reverse(REPORT), {"export": "csv"}))
    section = Page.objects.get(depth=2, locale__language_code="en").get_children().first()
    assert is_denial(client.post(reverse("translation_report_submit"), {"section": section.pk, "locale": "ru"}))


def test_the_report_speaks_russian_to_a_russian_admin(roles_setup, client, never_submitted):
    user = create_user("translator", username="translator-ru-ui")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(user)
    html = client.get(reverse(REPORT)).content.decode()
    assert "Статус переводов" in html
    assert "Перевод не начат" in html
