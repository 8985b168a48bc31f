"""What readers see is what the sources state: internal notes and search aliases never reach a public page."""

import csv
import re
from pathlib import Path

import pytest

from django.conf import settings
from django.utils import translation

from wagtail.models import Page

from countries.models import CountryPage
from home.models import ProjectPage, role_heading
from home.seed.russian import RU

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR) / "home" / "seed" / "data"
STATES = list(csv.DictReader((SEED / "participating-states.csv").open(encoding="utf-8")))


def reader_facing_text():
    """Text that may legitimately contain an alias: the seed description, its Russian translation, the names."""
    names = [row[key] for row in STATES for key in ("name_en", "name_ru")]
    seed = (SEED / "prague-process-seed.txt").read_text(encoding="utf-8")
    return "\n".join([seed, *RU.values(), *names])


def private_aliases():
    """Aliases that appear nowhere in reader-facing text: if a page shows one, it leaked from the alias field."""
    public = reader_facing_text()
    aliases = {alias.strip() for row in STATES for alias in row["alt_names"].split(";") if alias.strip()}
    return sorted(alias for alias in aliases if not re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", public))


def note_fragments():
    return sorted({part.strip() for row in STATES for part in row["note"].split(";") if part.strip()})


@pytest.fixture
def public_pages():
    return [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]


def test_the_alias_check_covers_the_disputed_names():
    # Guard against a check that silently tests nothing.
    assert {
        "FYROM",
        "former Yugoslav Republic of Macedonia",
        "Республика Македония",
        "Kosovo (UNSCR 1244/1999)",
    } <= set(private_aliases())
    assert len(note_fragments()) >= 4


def test_no_public_page_shows_an_internal_note_or_a_search_alias(client, public_pages):
    leaks = []
    aliases = private_aliases()
    notes = note_fragments() + ["XK – код, назначаемый пользователем", "user-assigned code"]
    for url in public_pages:
        html = client.get(url).content.decode()
        leaks += [(url, text) for text in notes if text in html]
        leaks += [(url, alias) for alias in aliases if re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", html)]
    assert len(public_pages) >= 100  # fifty states in two languages at least
    assert leaks == []


def test_the_api_does_not_publish_aliases_or_notes(client):
    response = client.get("/api/v2/pages/", {"type": "countries.CountryPage", "fields": "*", "limit": 100})
    assert response.status_code == 200
    body = response.content.decode()
    assert "FYROM" not in body
    assert "user-assigned" not in body


def test_aliases_stay_internal_fields_that_search_still_reads(en):
    north_macedonia = CountryPage.objects.get(locale=en, iso_code="MK")
    assert "FYROM" in north_macedonia.name_variants
    assert "user-assigned code" in CountryPage.objects.get(locale=en, iso_code="XK").internal_note
    assert north_macedonia.reader_note == ""


def test_a_search_for_an_alias_finds_the_state_without_printing_the_alias(client):
    html = client.get("/en/search/", {"q": "FYROM"}).content.decode()
    assert "North Macedonia" in html
    assert "FYROM</" not in html.replace("<mark>", "").replace("</mark>", "</")


def outputs_section(html):
    match = re.search(r'id="outputs-heading".*?</section>', html, re.S)
    return match.group(0) if match else ""


@pytest.mark.parametrize("slug", ["pp-ti", "eris", "sippap"])
def test_projects_based_on_the_action_plan_do_not_list_it_as_an_output(client, en, slug):
    project = ProjectPage.objects.get(locale=en, slug=slug)
    assert "Action Plan" not in outputs_section(client.get(project.url).content.decode())


def test_bmp_transitional_lists_the_action_plan_it_finalised(client, en, ru):
    for locale, title in ((en, "Prague Process Action Plan 2012–2016"), (ru, "План действий Пражского процесса")):
        project = ProjectPage.objects.get(locale=locale, slug="bmp-transitional")
        assert title in outputs_section(client.get(project.url).content.decode())


def test_bmp_initiative_does_not_list_the_joint_declaration(client, en, ru):
    for locale in (en, ru):
        project = ProjectPage.objects.get(locale=locale, slug="bmp-initiative")
        html = client.get(project.url).content.decode()
        assert "Joint Declaration" not in outputs_section(html)
        assert "Совместная декларация" not in outputs_section(html)


def partner_headings(html):
    box = re.search(r"<h2>(?:Partners|Партнёры|Партнеры)</h2>(.*?)</div>", html, re.S)
    return re.findall(r"<h3>(.*?)</h3>", box.group(1)) if box else []


def test_role_headings_agree_with_the_number_of_partners(client, en, ru):
    pilot_4 = ProjectPage.objects.get(locale=en, slug="pilot-project-4")
    pilot_1 = ProjectPage.objects.get(locale=en, slug="pilot-project-1")
    assert partner_headings(client.get(pilot_4.url).content.decode()) == ["Lead states"]
    assert partner_headings(client.get(pilot_1.url).content.decode()) == ["Lead state", "Supporting states"]
    with translation.override("ru"):
        html = client.get(pilot_4.get_translation(ru).url).content.decode()
    assert partner_headings(html) == ["Ведущие государства"]


@pytest.mark.parametrize(
    "count, expected", [(1, "Донор"), (2, "Доноры"), (5, "Доноры"), (21, "Доноры"), (22, "Доноры")]
)
def test_russian_role_headings_follow_russian_plural_rules(count, expected):
    with translation.override("ru"):
        assert role_heading("donor", count) == expected
