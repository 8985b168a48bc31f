"""Machine translation is configured from the environment, never in code."""

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation

from cms.settings.machine_translation import machine_translator
from publications.models import FactsheetPage


def test_nothing_is_configured_without_the_variable(monkeypatch):
    monkeypatch.delenv("MACHINE_TRANSLATOR", raising=False)
    assert machine_translator() is None


def test_deepl_takes_its_key_and_termbase_glossary_from_the_environment(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATOR", "deepl")
    monkeypatch.setenv("DEEPL_AUTH_KEY", "key-from-env:fx")
    monkeypatch.setenv("DEEPL_GLOSSARY_IDS", "en:ru=glossary-1")
    assert machine_translator() == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "key-from-env:fx", "GLOSSARY_IDS": {("EN", "RU"): "glossary-1"}},
    }


def test_deepl_without_its_key_fails_loudly(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATOR", "deepl")
    monkeypatch.delenv("DEEPL_AUTH_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="DEEPL_AUTH_KEY"):
        machine_translator()


def test_libretranslate_always_sends_an_api_key_even_for_a_keyless_server(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATOR", "libretranslate")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "http://libretranslate.internal:5000")
    monkeypatch.delenv("LIBRETRANSLATE_API_KEY", raising=False)
    assert machine_translator()["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "http://libretranslate.internal:5000",
        "API_KEY": "",
    }


def test_an_unknown_engine_is_refused(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATOR", "babelfish")
    with pytest.raises(ImproperlyConfigured, match="babelfish"):
        machine_translator()


@pytest.mark.django_db
def test_the_translator_fills_a_russian_page_with_the_dummy_suggestions(
    users, client, django_capture_on_commit_callbacks
):
    russian = FactsheetPage.objects.filter(locale__language_code="ru").first()
    translation = Translation.objects.get(source__object_id=russian.translation_key, target_locale=russian.locale)
    StringTranslation.objects.filter(locale=russian.locale, context__object_id=translation.source.object_id).delete()
    client.force_login(users["translator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(russian.pk,))
    response = client.post(reverse("wagtail_localize:machine_translate", args=(translation.pk,)) + f"?next={edit_url}")
    assert response.status_code == 302
    title = StringTranslation.objects.get(
        locale=russian.locale, context__object_id=translation.source.object_id, context__path="title"
    )
    # The dummy translator reverses the words of the English title.
    english_title = russian.get_translation(translation.source.locale).title
    assert title.data == " ".join(reversed(english_title.split(" ")))
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
