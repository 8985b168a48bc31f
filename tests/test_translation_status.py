"""A Russian page that exists is not necessarily translated: progress decides, and readers are told."""

import pytest

from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from cms.translation_status import is_fully_translated, translation_progress
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated_ru_page(home_en, ru, django_capture_on_commit_callbacks):
    page = home_en.add_child(
        instance=StandardPage(title="Return and readmission", slug="return", intro="Only English.")
    )
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [ru])
        translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=ru)
        translation.save_target(publish=True)
    return page, Page.objects.get(translation_key=page.translation_key, locale=ru).specific


def test_the_seed_translations_are_complete(ru):
    pp_ti = Page.objects.get(locale=ru, slug__startswith="pp-ti")
    translated, total = translation_progress(pp_ti)
    assert total > 0 and translated == total
    assert is_fully_translated(pp_ti)


def test_an_untranslated_page_shows_english_with_a_notice(client, untranslated_ru_page):
    english, russian = untranslated_ru_page
    assert russian.live
    assert not is_fully_translated(russian)
    html = client.get(russian.url).content.decode()
    assert "Перевод этой страницы ещё не завершён" in html
    assert '<div lang="en">' in html


def test_hreflang_does_not_claim_an_unfinished_translation(client, untranslated_ru_page):
    english, russian = untranslated_ru_page
    html = client.get(english.url).content.decode()
    assert 'hreflang="ru"' not in html.split("</head>")[0]
    finished = client.get(Page.objects.get(locale__language_code="en", depth=2).url).content.decode()
    assert 'hreflang="ru"' in finished.split("</head>")[0]
