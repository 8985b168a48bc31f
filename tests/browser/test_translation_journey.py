"""A factsheet from English to Russian in Chromium: a moderator publishes it and submits its section
from the translation status report, the translator finds it through "pages need you", translates it
with the (dummy) machine translator in wagtail-localize's editor and publishes it, a reader finds it
under /ru/ and downloads its file; the translator cannot open the English page's editor."""

import re

import pytest

from django.core.files import File
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import TranslatableObject, TranslationSource

from cms.models import Document
from publications.models import FactsheetPage, PublicationFile, PublicationIndexPage
from tests.browser.accounts import JOURNEY_TIMEOUT_MS, committed, delete_accounts, log_in, make_accounts, wait_until
from tests.publications.files import make_pdf
from tests.roles.fixtures import roles_setup  # noqa: F401

try:
    from playwright.sync_api import expect
except ImportError:  # the session fixture skips (or fails under CI=true) with the reason
    expect = None

pytestmark = pytest.mark.browser
if expect is not None:
    expect.set_options(timeout=JOURNEY_TIMEOUT_MS)
PREFIX = "journey-t"
TITLE = "Readmission factsheet translation journey"
SLUG = "readmission-factsheet-translation-journey"
DOCUMENT = "Readmission figures (translation journey)"
# wagtail-localize's dummy translator reverses the words.
MACHINE_TITLE = " ".join(reversed(TITLE.split()))


@pytest.fixture
def english_draft(roles_setup, site_url, db, tmp_path):  # noqa: F811
    """An English factsheet draft with a PDF, committed for the server's thread; removed afterwards."""
    pdf = make_pdf(tmp_path / "readmission-figures.pdf", ["Readmission figures 2025"])

    def create():
        with pdf.open("rb") as handle:
            document = Document.objects.create(title=DOCUMENT, file=File(handle, name="readmission-figures.pdf"))
        library = PublicationIndexPage.objects.get(locale__language_code="en")
        page = library.add_child(
            instance=FactsheetPage(
                title=TITLE,
                slug=SLUG,
                summary="Figures on readmission.",
                live=False,
                files=[PublicationFile(document=document)],
            )
        )
        page.save_revision()
        return page

    page = committed(create)
    yield page

    def clean():
        for translated in Page.objects.filter(translation_key=page.translation_key).order_by("-locale__language_code"):
            translated.delete()
        TranslationSource.objects.filter(object_id=page.translation_key).delete()
        TranslatableObject.objects.filter(translation_key=page.translation_key).delete()
        Document.objects.filter(title=DOCUMENT).delete()

    committed(clean)
    delete_accounts(PREFIX)


def russian_page(english):
    return FactsheetPage.objects.filter(translation_key=english.translation_key, locale__language_code="ru").first()


def test_a_factsheet_translated_and_published_in_russian(english_draft, new_page):
    accounts = make_accounts(PREFIX, ("moderator", "translator"))
    english = english_draft

    moderator = new_page()
    log_in(moderator, accounts["moderator"])
    moderator.goto(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    moderator.locator("footer [data-w-dropdown-target='toggle']").last.click()
    moderator.get_by_role("button", name="Publish", exact=True).click()
    wait_until(lambda: FactsheetPage.objects.get(pk=english.pk).live)

    moderator.goto(reverse("translation_report"))
    library = committed(lambda: PublicationIndexPage.objects.get(locale__language_code="en"))
    submit = moderator.locator("form.translation-report-submit")
    submit.locator("select[name=section]").select_option(str(library.pk))
    submit.locator("select[name=locale]").select_option("ru")
    submit.get_by_role("button", name="Submit this section for translation").click()
    expect(moderator.locator(".messages")).to_contain_text(re.compile(r"\d+ pages? of “.+” submitted"))
    wait_until(lambda: russian_page(english) is not None)

    translator = new_page()
    log_in(translator, accounts["translator"])
    expect(translator.locator(".pages-need-you")).to_contain_text(re.compile(r"\d+ pages? needs? you"))
    translator.get_by_role("link", name="Open the translations report").click()
    row = translator.locator("tr.translation-status", has_text=TITLE)
    expect(row).to_contain_text("Not started")
    row.get_by_role("link", name=TITLE).click()

    translator.get_by_role("button", name="Translate with Dummy translator").click()
    expect(translator.locator("body")).to_contain_text("Successfully translated with Dummy translator")
    translator.get_by_role("button", name="Publish in Russian").click()
    wait_until(lambda: russian_page(english).live)
    assert committed(lambda: russian_page(english).title) == MACHINE_TITLE

    reader = new_page()
    reader.set_default_timeout(JOURNEY_TIMEOUT_MS)
    reader.goto(committed(lambda: PublicationIndexPage.objects.get(locale__language_code="ru").url))
    assert reader.url.split("/")[3] == "ru"
    reader.get_by_role("link", name=MACHINE_TITLE).first.click()
    expect(reader.locator("h1")).to_contain_text(MACHINE_TITLE)
    href = reader.locator("a.file__title", has_text=DOCUMENT).get_attribute("href")
    download = reader.request.get(href)
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF")

    response = translator.goto(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    assert translator.url.endswith(reverse("wagtailadmin_home"))  # refused: back to the dashboard
    assert response.ok and "Sorry, you do not have permission" in translator.content()
    assert committed(lambda: FactsheetPage.objects.get(pk=english.pk).title) == TITLE
