"""The translator's dashboard says how many pages of their locale still have strings to translate."""

import pytest

from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

from cms.translation_report import pages_needing_translator
from publications.models import FactsheetPage

pytestmark = pytest.mark.django_db


def test_a_page_with_an_untranslated_string_counts_for_the_translator(users, client):
    client.force_login(users["translator"])
    before = len(pages_needing_translator(["ru"]))
    russian = FactsheetPage.objects.filter(locale__language_code="ru").first()
    translation = Translation.objects.get(source__object_id=russian.translation_key, target_locale=russian.locale)
    StringTranslation.objects.filter(
        locale=russian.locale, context__object_id=translation.source.object_id
    ).first().delete()
    after = len(pages_needing_translator(["ru"]))
    assert after == before + 1
    label = f"{after} page needs you" if after == 1 else f"{after} pages need you"
    assert label in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_panel_is_the_translators_only(users, client):
    client.force_login(users["editor"])
    assert "need you" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "needs you" not in client.get(reverse("wagtailadmin_home")).content.decode()
