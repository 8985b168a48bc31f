"""``manage.py import_documents``: manifests and folders into the library, idempotently.

Runs against the seed content (tests/conftest.py loads it once per session).  wagtail-localize
publishes translations on commit, so imports run inside
``django_capture_on_commit_callbacks(execute=True)``.
"""

import csv
import io

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.models import ThematicArea
from countries.models import CountryPage, CountryProfileDocument
from publications.management.commands.import_documents import Command
from publications.models import (
    ActionPlanPage,
    FactsheetPage,
    GuidelinePage,
    ImportRecord,
    JointDeclarationPage,
    PublicationIndexPage,
    PublicationPage,
)

from .files import make_docx, make_pdf, png_bytes

COLUMNS = ["key", "file", "title", "language", "type", "date", "countries", "thematic_areas", "summary",
           "translation_of", "publish", "legacy_url"]
EN_TEXT = "Readmission and return of irregular migrants: an action plan for the Prague Process states."
RU_TEXT = "Реадмиссия и возвращение нерегулярных мигрантов: план действий государств Пражского процесса."


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The files the manifests name, generated once: real PDFs (English, Russian) and a Word file."""
    folder = tmp_path_factory.mktemp("import") / "docs"
    folder.mkdir()
    make_pdf(folder / "action-plan.pdf", [EN_TEXT, "Objective 1. Legal migration and mobility."])
    make_pdf(folder / "action-plan-ru.pdf", [RU_TEXT, "Цель 1. Легальная миграция и мобильность."])
    make_pdf(folder / "declaration.pdf", ["Joint Declaration of the Prague Process, 28 April 2009."])
    make_pdf(folder / "factsheet.pdf", ["Factsheet: key facts and figures on labour migration."])
    make_docx(folder / "handbook.docx", ["Handbook on readmission", "Chapter one: procedures."])
    make_pdf(folder / "report.pdf", ["A study on migration data in Central Asia."])
    make_pdf(folder / "eac-module.pdf", ["Учебный модуль по инклюзии мигрантов в странах ЕАЭС. " * 3])
    make_pdf(folder / "profile-ua.pdf", ["Extended Migration Profile of Ukraine, Part A: introduction."])
    (folder / "photo.pdf").write_bytes(png_bytes())
    return folder


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def area():
    return ThematicArea.objects.filter(locale__language_code="en").order_by("sort_order").first().slug


def row(key, file, title, **values):
    return {"key": key, "file": file, "title": title, "language": "en", "type": "report", "publish": "yes", **values}


def all_types(area):
    return [
        row("ap-2012", "docs/action-plan.pdf", "Prague Process Action Plan 2012–2016", type="action_plan",
            date="2012-11", countries="AT;UA", thematic_areas=area, summary="The action plan.",
            legacy_url="https://www.pragueprocess.eu/en/library/action-plan.html"),
        row("ap-2012-ru", "docs/action-plan-ru.pdf", "План действий Пражского процесса 2012–2016", language="ru",
            type="action_plan", summary="План действий.", translation_of="ap-2012"),
        row("decl-2009", "docs/declaration.pdf", "Joint Declaration 2009", type="declaration", date="2009-04-28"),
        row("fs-1", "docs/factsheet.pdf", "Labour migration factsheet", type="factsheet", date="2020"),
        row("hb-1", "docs/handbook.docx", "Readmission handbook", type="handbook", countries="KG"),
        row("study-1", "docs/report.pdf", "Migration data in Central Asia", type="study", countries="KZ;UZ"),
        row("eac-1", "docs/eac-module.pdf", "Модуль по инклюзии мигрантов (ЕАЭС)", language="ru",
            type="training_module", date="2019"),
        row("profile-ua", "docs/profile-ua.pdf", "Extended Migration Profile: Ukraine", type="migration_profile",
            countries="UA", date="2016"),
    ]


def write_manifest(docs, rows, name="manifest.csv"):
    path = docs.parent / name
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for item in rows:
            writer.writerow(item)
    return path


def run(capture, path, *args):
    """Run the command; return ``(output, error)`` (error: the CommandError raised, if any)."""
    out, err = io.StringIO(), io.StringIO()
    error = None
    with capture(execute=True):
        try:
            call_command("import_documents", str(path), "--no-progress", *args, stdout=out, stderr=err)
        except CommandError as exc:
            error = exc
    return out.getvalue(), error


def page_for(key):
    return ImportRecord.objects.get(key=key).page.specific


def counts():
    return (Page.objects.count(), get_document_model().objects.count(), ImportRecord.objects.count(),
            Redirect.objects.count(), CountryProfileDocument.objects.count())


@pytest.fixture
def imported(db, docs, area, django_capture_on_commit_callbacks):
    path = write_manifest(docs, all_types(area))
    output, error = run(django_capture_on_commit_callbacks, path)
    assert error is None, output
    return path, output


def test_every_type_becomes_the_right_page(imported, en, area):
    _path, output = imported
    assert "8 created, 0 updated, 0 unchanged, 0 skipped, 0 failed" in output
    library = PublicationIndexPage.objects.get(locale=en, slug="library")
    expected = {
        "ap-2012": (ActionPlanPage, "action_plan"),
        "decl-2009": (JointDeclarationPage, "declaration"),
        "fs-1": (FactsheetPage, "factsheet"),
        "hb-1": (GuidelinePage, "handbook"),
        "study-1": (PublicationPage, "study"),
        "eac-1": (GuidelinePage, "training_module"),
    }
    for key, (model, kind) in expected.items():
        page = page_for(key)
        assert type(page) is model and page.kind == kind, key
        assert page.locale == en and page.get_parent().pk == library.pk and page.live
    plan = page_for("ap-2012")
    assert str(plan.publication_date) == "2012-11-01" and plan.publication_date_precision == "month"
    assert sorted(link.country.iso_code for link in plan.country_links.all()) == ["AT", "UA"]
    assert [link.thematic_area.slug for link in plan.thematic_area_links.all()] == [area]
    assert all(link.country.locale == en for link in plan.country_links.all())


def test_rerun_changes_nothing(imported, django_capture_on_commit_callbacks):
    path, _output = imported
    before = counts()
    revisions = {key: page_for(key).latest_revision_id for key in ("ap-2012", "ap-2012-ru", "fs-1")}
    output, error = run(django_capture_on_commit_callbacks, path)
    assert error is None
    assert "0 created, 0 updated, 8 unchanged, 0 skipped, 0 failed" in output
    assert counts() == before
    assert {key: page_for(key).latest_revision_id for key in revisions} == revisions


def test_an_edited_row_updates_its_page(imported, docs, area, django_capture_on_commit_callbacks):
    rows = all_types(area)
    rows[3]["summary"] = "Now with a summary."
    rows[3]["title"] = "Labour migration factsheet (2nd edition)"
    before = page_for("fs-1").latest_revision_id
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows))
    assert error is None and "0 created, 1 updated, 7 unchanged" in output
    page = page_for("fs-1")
    assert page.summary == "Now with a summary." and page.title.endswith("(2nd edition)") and page.live
    assert page.latest_revision_id != before
    assert ImportRecord.objects.get(key="fs-1").imported_revision_id == page.latest_revision_id


def test_a_page_edited_in_the_admin_is_reported_not_overwritten(
    imported, docs, area, django_capture_on_commit_callbacks
):
    page = page_for("fs-1")
    page.title = "Edited by an editor"
    revision = page.save_revision()
    revision.publish()
    rows = all_types(area)
    rows[3]["summary"] = "Changed in the manifest."
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows))
    assert error is None
    assert "1 skipped" in output
    assert f"line 5 (key=fs-1): changed in the admin since the last import (revision {revision.pk})" in output
    page = page_for("fs-1")
    assert page.title == "Edited by an editor" and page.summary == ""


def test_translation_pair_is_one_publication_in_two_languages(imported, en, ru):
    english, russian = page_for("ap-2012"), page_for("ap-2012-ru")
    assert english.locale == en and russian.locale == ru
    assert russian.translation_key == english.translation_key
    assert Translation.objects.filter(source__object_id=english.translation_key, target_locale=ru).exists()
    assert russian.live and russian.title == "План действий Пражского процесса 2012–2016"
    assert russian.summary == "План действий." and english.summary == "The action plan."
    assert russian.get_parent().specific_class is PublicationIndexPage
    # Both files on both pages: each document keeps its own language.
    for page in (english, russian):
        assert [row.document.language for row in page.files.all()] == ["en", "ru"]
    # Structure is synchronised from the English page.
    assert sorted(link.country.iso_code for link in russian.country_links.all()) == ["AT", "UA"]


def test_russian_only_row_is_in_the_english_library(imported, en):
    page = page_for("eac-1")
    assert page.locale == en
    assert page.get_parent().specific.slug == "library"
    [file_row] = page.files.all()
    assert file_row.document.language == "ru"


def test_legacy_url_redirects_to_the_page(imported, client):
    page = page_for("ap-2012")
    response = client.get("/en/library/action-plan.html")
    assert response.status_code == 301
    assert response["Location"].endswith(page.url)
    assert client.get(response["Location"]).status_code == 200


def test_migration_profile_attaches_the_document_to_the_country(imported, en):
    ukraine = CountryPage.objects.get(locale=en, iso_code="UA")
    titles = [row.document.title for row in ukraine.profile_documents.all()]
    assert "Extended Migration Profile: Ukraine" in titles
    assert ImportRecord.objects.get(key="profile-ua").page.specific_class is CountryPage


def test_the_same_file_twice_is_one_document(db, docs, django_capture_on_commit_callbacks):
    rows = [row("a", "docs/report.pdf", "First"), row("b", "docs/report.pdf", "Second")]
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows, "twice.csv"))
    assert error is None and "2 created" in output
    assert page_for("a").files.get().document_id == page_for("b").files.get().document_id


def test_bad_rows_fail_alone_with_their_line_numbers(db, docs, django_capture_on_commit_callbacks):
    rows = [
        row("good-1", "docs/report.pdf", "Good one"),
        row("missing", "docs/nowhere.pdf", "Missing file"),
        row("iso", "docs/factsheet.pdf", "Unknown state", countries="UA;ZZ"),
        row("png", "docs/photo.pdf", "A PNG renamed .pdf"),
        row("orphan", "docs/report.pdf", "Translation of nothing", language="ru", translation_of="nope"),
        row("good-2", "docs/declaration.pdf", "Good two", type="declaration"),
    ]
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows, "bad.csv"))
    assert error is not None and "4 row(s) failed" in str(error)
    assert "2 created, 0 updated, 0 unchanged, 0 skipped, 4 failed" in output
    assert "line 3 (key=missing): file not found: docs/nowhere.pdf" in output
    assert "line 4 (key=iso): unknown ISO code(s): ZZ" in output
    assert "line 5 (key=png): docs/photo.pdf: refused: looks like a PNG image" in output
    assert "line 6 (key=orphan): translation_of 'nope' names no row" in output
    assert page_for("good-1").live and page_for("good-2").live
    assert not ImportRecord.objects.filter(key__in=["missing", "iso", "png", "orphan"]).exists()


def test_dry_run_writes_nothing(db, docs, area, django_capture_on_commit_callbacks):
    before = counts()
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, all_types(area)), "--dry-run")
    assert error is None
    assert "Dry run (nothing written): 8 would be created" in output
    assert counts() == before


def test_publish_no_leaves_a_draft(db, docs, django_capture_on_commit_callbacks):
    rows = [row("draft-1", "docs/report.pdf", "Not yet", publish="no")]
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows, "draft.csv"))
    assert error is None and "1 created" in output
    page = page_for("draft-1")
    assert not page.live and page.has_unpublished_changes and page.latest_revision_id


def test_folder_import_guesses_language_and_is_idempotent(db, tmp_path, django_capture_on_commit_callbacks):
    folder = tmp_path / "incoming"
    folder.mkdir()
    make_pdf(folder / "annual_report-2021.pdf", [EN_TEXT])
    make_docx(folder / "doklad.docx", [RU_TEXT, RU_TEXT])
    (folder / "scan.pdf").write_bytes(png_bytes())
    output, error = run(django_capture_on_commit_callbacks, folder, "--publish")
    assert error is not None and "1 failed" in output and "scan.pdf: refused" in output
    assert "2 created" in output
    pages = {page.title: page for page in PublicationPage.objects.filter(title__in=["Annual report 2021", "Doklad"])}
    assert {page.kind for page in pages.values()} == {"report"}
    assert pages["Doklad"].files.get().document.language == "ru"
    assert pages["Annual report 2021"].files.get().document.language == "en"
    output, error = run(django_capture_on_commit_callbacks, folder, "--publish")
    assert "0 created, 0 updated, 2 unchanged" in output


def test_a_missing_library_stops_the_import(db, docs, en, django_capture_on_commit_callbacks):
    PublicationIndexPage.objects.filter(locale=en).update(live=False)
    before = counts()
    _output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, [row("x", "docs/report.pdf", "X")]))
    assert error is not None and "load_prague_process" in str(error)
    assert counts() == before


def test_help_names_every_column():
    text = Command().create_parser("manage.py", "import_documents").format_help()
    for column in COLUMNS + ["--dry-run", "--extract-now", "migration_profile"]:
        assert column in text


def test_edits_reach_the_translation(imported, docs, area, django_capture_on_commit_callbacks):
    rows = all_types(area)
    rows[1]["title"] = "План действий (новая редакция)"
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows))
    assert error is None and "0 created, 1 updated, 7 unchanged" in output
    assert page_for("ap-2012-ru").title == "План действий (новая редакция)"
    rows[0]["date"] = "2012-11-23"  # a synchronised field of the source: the Russian page follows
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows))
    assert error is None and "0 created, 2 updated, 6 unchanged" in output
    russian = page_for("ap-2012-ru")
    assert str(russian.publication_date) == "2012-11-23" and russian.title == "План действий (новая редакция)"
    output, _error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows))
    assert "8 unchanged" in output


def test_national_language_files_are_imported_with_their_bcp47_code(
    db, docs, django_capture_on_commit_callbacks, client
):
    rows = [
        row("cz-1", "docs/report.pdf", "Zpráva o migraci", language="cs"),
        row("me-1", "docs/declaration.pdf", "Izvještaj o migracijama", language="Montenegrin"),
        row("ua-1", "docs/factsheet.pdf", "Звіт про міграцію", language="ukr"),
        row("xx-1", "docs/handbook.docx", "Unknown tongue", language="klingon"),
    ]
    output, error = run(django_capture_on_commit_callbacks, write_manifest(docs, rows, "national.csv"))
    assert "3 created" in output and "1 failed" in output
    assert "line 5 (key=xx-1): language 'klingon' is unknown: give the file's language as a BCP 47" in output
    languages = {key: page_for(key).files.get().document.language for key in ("cz-1", "me-1", "ua-1")}
    assert languages == {"cz-1": "cs", "me-1": "cnr", "ua-1": "uk"}
    # the public page names the file's language in the reader's language and tags it for screen readers
    html = client.get(page_for("cz-1").url).content.decode()
    assert "Czech" in html and 'hreflang="cs"' in html and '<span lang="cs">' in html
