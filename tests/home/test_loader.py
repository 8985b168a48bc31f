"""``manage.py load_prague_process``: the seed in English and Russian, idempotent, translated in full."""

import re
import shutil
from io import StringIO

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from cms.models import Organisation, Region, ThematicArea
from countries.models import CountryPage
from home.models import HomePage, ProjectObjective, ProjectPage, ProjectPartner, ProjectResult, ProjectThematicArea
from home.seed import DATA_DIR, SEED_TEXT_FILE, STATES_FILE
from home.seed import loader as loader_module
from publications.models import GuidelinePage, Publication, PublicationProject

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN_TITLES = {"ERIS", "SIPPAP"}  # names the seed gives only as Latin acronyms


def run(django_capture_on_commit_callbacks, *args):
    """Run the command as a user would; wagtail-localize publishes in on_commit callbacks."""
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_prague_process", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def totals(output):
    match = re.search(r"(\d+) created, (\d+) updated, (\d+) unchanged", output)
    assert match, output
    return tuple(int(value) for value in match.groups())


@pytest.fixture
def seeded(django_capture_on_commit_callbacks):
    """The seed, loaded once per session by tests/conftest.py; loaded here if it is not."""
    if not CountryPage.objects.exists():
        run(django_capture_on_commit_callbacks)


@pytest.fixture
def en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def ru(db):
    return Locale.objects.get(language_code="ru")


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Region,
            ThematicArea,
            Organisation,
            ProjectObjective,
            ProjectResult,
            ProjectPartner,
            ProjectThematicArea,
            PublicationProject,
            Translation,
        )
    }


def test_a_second_run_creates_updates_and_duplicates_nothing(seeded, django_capture_on_commit_callbacks):
    before = snapshot()
    output = run(django_capture_on_commit_callbacks)
    created, updated, unchanged = totals(output)
    assert (created, updated) == (0, 0)
    assert unchanged > 150
    assert snapshot() == before
    # ... and a third run reports exactly the same.
    assert totals(run(django_capture_on_commit_callbacks)) == (created, updated, unchanged)


def test_fifty_participating_states_per_locale(seeded, en, ru):
    for locale in (en, ru):
        states = CountryPage.objects.filter(locale=locale)
        assert states.count() == 50
        assert states.values("iso_code").distinct().count() == 50
    poland = CountryPage.objects.get(locale=en, iso_code="PL")
    assert poland.title == "Poland"
    assert poland.get_translation(ru).title == "Польша"
    kosovo = CountryPage.objects.get(locale=en, iso_code="XK")
    # The CSV's note is internal: kept for editors, identical in both locales (nothing to translate).
    assert "UNSCR 1244/1999" in kosovo.internal_note
    assert kosovo.get_translation(ru).internal_note == kosovo.internal_note
    assert kosovo.reader_note == ""
    assert "FYROM" in CountryPage.objects.get(locale=en, iso_code="MK").name_variants


def test_pp_ti_has_four_pilot_projects_in_both_locales(seeded, en, ru):
    pp_ti = ProjectPage.objects.get(locale=en, slug="pp-ti")
    assert pp_ti.acronym == "PP TI"
    assert pp_ti.duration_display == "2012–2016"
    assert [o.kind for o in pp_ti.objectives.all()] == ["overall", "specific", "specific", "specific"]
    assert pp_ti.thematic_area_links.count() == 4
    pilots = ProjectPage.objects.child_of(pp_ti)
    assert pilots.count() == 4
    pp_ti_ru = pp_ti.get_translation(ru)
    assert pp_ti_ru.acronym == "ЦИ ПП"
    assert ProjectPage.objects.child_of(pp_ti_ru).live().count() == 4
    assert [r.text for r in pilots.get(slug="pilot-project-1").expected_results.all()] == [
        "Compilation of best practices",
        "Prague Process Guidelines on concluding readmission agreements and organising returns",
        "Capacity of participating states to manage return and readmission is strengthened",
    ]


def roles(page):
    return sorted(
        (row.role, row.country.iso_code if row.country_id else row.organisation.slug) for row in page.partners.all()
    )


def test_partner_roles(seeded, en, ru):
    pp_ti = ProjectPage.objects.get(locale=en, slug="pp-ti")
    assert roles(pp_ti) == [("implementing_agency", "icmpd"), ("lead_state", "PL")]

    bmp2 = ProjectPage.objects.get(locale=en, slug="bmp-transitional")
    assert bmp2.acronym == "BMP2"
    assert bmp2.duration_display == "July 2011 – July 2012"
    states = ["CZ", "HU", "PL", "RO", "SK"]
    assert bmp2.partners.filter(role="donor").count() == 5
    assert bmp2.partners.filter(role="lead_state").count() == 5
    assert sorted(r.country.iso_code for r in bmp2.partners.filter(role="donor")) == states
    assert sorted(r.country.iso_code for r in bmp2.partners.filter(role="lead_state")) == states

    bmp1 = ProjectPage.objects.get(locale=en, slug="bmp-initiative")
    lead_agencies = bmp1.partners.filter(role="lead_agency")
    assert sorted(r.country.iso_code for r in lead_agencies) == states
    assert {r.body_name for r in lead_agencies} == {"Ministry of the Interior"}
    assert roles(bmp1).count(("donor", "european-commission")) == 1

    pilot1 = ProjectPage.objects.get(locale=en, slug="pilot-project-1")
    assert roles(pilot1) == [("lead_state", "PL"), ("supporting_state", "RO"), ("supporting_state", "SK")]
    pilot4 = ProjectPage.objects.get(locale=en, slug="pilot-project-4")
    assert roles(pilot4) == [("lead_state", "DE"), ("lead_state", "SE")]

    # The Russian copy has the same rows; the institution is translated.
    bmp1_ru = bmp1.get_translation(ru)
    assert {r.body_name for r in bmp1_ru.partners.filter(role="lead_agency")} == {"Министерство внутренних дел"}
    assert roles(bmp1_ru) == roles(bmp1)


def test_russian_pages_are_live_translated_and_complete(seeded, en, ru):
    english = Page.objects.filter(locale=en, depth__gte=2).specific()
    for page in english:
        translation = page.get_translation(ru)
        assert translation.live, translation
        assert not translation.has_unpublished_changes, translation
        if page.title not in LATIN_TITLES:
            assert CYRILLIC.search(translation.title), f"{page.title!r} has no Russian title"
    assert HomePage.objects.get(locale=ru).title == "Пражский процесс"
    assert HomePage.objects.get(locale=ru).slug == "home-ru"  # a sibling of "home" under the tree root

    translations = Translation.objects.filter(target_locale=ru)
    assert (
        translations.count()
        == english.count()
        + Region.objects.filter(locale=en).count()
        + ThematicArea.objects.filter(locale=en).count()
        + Organisation.objects.filter(locale=en).count()
    )
    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated, translation.source


def test_russian_snippets_and_relations_switch_to_russian(seeded, en, ru):
    assert Region.objects.filter(locale=ru).count() == 7
    assert ThematicArea.objects.filter(locale=ru).count() == 4
    assert Organisation.objects.get(locale=ru, slug="icmpd").acronym == "МЦРМП"

    pilot2_ru = ProjectPage.objects.get(locale=en, slug="pilot-project-2").get_translation(ru)
    areas = [link.thematic_area for link in pilot2_ru.thematic_area_links.all()]
    assert [area.locale_id for area in areas] == [ru.id]
    assert areas[0].slug == "legal-migration"
    assert CYRILLIC.search(areas[0].name)

    russia_ru = CountryPage.objects.get(locale=ru, iso_code="RU")
    assert russia_ru.region.locale_id == ru.id
    assert russia_ru.region.name == "Россия"

    bmp1_ru = ProjectPage.objects.get(locale=ru, slug="bmp-initiative")
    donor = bmp1_ru.partners.get(role="donor").organisation
    assert (donor.locale_id, donor.name) == (ru.id, "Европейская комиссия")


def test_library_and_outputs(seeded, en, ru):
    library = Publication.objects.filter(locale=en)
    assert library.count() == 11
    assert library.filter(publication_date__isnull=False).count() == 0  # no date is known
    action_plan = library.get(slug="action-plan-2012-2016")
    assert action_plan.kind == "action_plan"
    # The seed names BMP Transitional as the project that finalised it; the others are based on it.
    assert [link.project.slug for link in action_plan.project_links.all()] == ["bmp-transitional"]
    module = GuidelinePage.objects.get(locale=en, slug="pp4-eac-training-module-inclusion-ru")
    assert module.kind == "training_module"
    assert module.files.count() == 0
    assert [link.project.slug for link in module.project_links.all()] == ["pilot-project-4"]
    assert [link.thematic_area.slug for link in module.thematic_area_links.all()] == ["asylum-protection"]
    kinds = sorted(GuidelinePage.objects.filter(locale=en).values_list("kind", flat=True))
    assert kinds == sorted(["best_practices"] * 3 + ["guidelines"] * 3 + ["recommendations", "training_module"])
    assert Publication.objects.filter(locale=ru).live().count() == 11


def test_changed_english_page_is_restored_and_russian_resynced(seeded, en, ru, django_capture_on_commit_callbacks):
    eris = ProjectPage.objects.get(locale=en, slug="eris")
    eris.title = "ERIS (edited)"
    with django_capture_on_commit_callbacks(execute=True):
        eris.save_revision().publish()
    created, updated, _ = totals(run(django_capture_on_commit_callbacks))
    assert created == 0
    assert updated == 2  # the English page and its Russian translation
    eris = ProjectPage.objects.get(pk=eris.pk)
    assert eris.title == "ERIS"
    eris_ru = eris.get_translation(ru)
    assert eris_ru.title == "ERIS" and eris_ru.live
    assert CYRILLIC.search(eris_ru.summary)


def test_a_missing_russian_string_stops_the_load(seeded, monkeypatch, django_capture_on_commit_callbacks):
    russian = dict(loader_module.RU)
    del russian["Library"]
    monkeypatch.setattr(loader_module, "RU", russian)
    with pytest.raises(CommandError, match="'Library'"):
        run(django_capture_on_commit_callbacks)


def test_seed_dir_option(seeded, tmp_path, django_capture_on_commit_callbacks):
    for name in (SEED_TEXT_FILE, STATES_FILE):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    assert totals(run(django_capture_on_commit_callbacks, "--seed-dir", str(tmp_path)))[:2] == (0, 0)

    text = (tmp_path / SEED_TEXT_FILE).read_text(encoding="utf-8")
    (tmp_path / SEED_TEXT_FILE).write_text(text.replace("Circular Migration Policies", "X"), encoding="utf-8")
    with pytest.raises(CommandError, match="Circular Migration Policies"):
        run(django_capture_on_commit_callbacks, "--seed-dir", str(tmp_path))

    with pytest.raises(CommandError, match="not a folder"):
        run(django_capture_on_commit_callbacks, "--seed-dir", str(tmp_path / "nowhere"))
