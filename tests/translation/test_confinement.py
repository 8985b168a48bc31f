"""A translator changes their own language and nothing else, by any admin URL.

Pages, every snippet model, documents and wagtail-localize's ``/admin/localize/`` endpoints, for
the translator of ``ru`` (allowed on Russian objects, refused on English ones and on bulk work)
and for a moderator (who may sync and submit).  Denials are a 403 or a redirect to the login or
the dashboard, as in tests/roles.  The English-target translation is a Russian-only snippet
translated into English, the one way a ``ru`` translator meets a translation outside Russian.
"""

import json
from urllib.parse import urlencode

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.models import Locale
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms.models import Document, Term, ThematicArea
from publications.models import FactsheetPage
from tests.roles.test_permission_matrix import is_denial

pytestmark = pytest.mark.django_db


def translation_of(instance):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=instance.locale)


@pytest.fixture
def pages():
    russian = FactsheetPage.objects.filter(locale__language_code="ru", live=True).first()
    english = russian.get_translation(Locale.objects.get(language_code="en"))
    return {"en": english, "ru": russian, "translation": translation_of(russian)}


@pytest.fixture
def english_target(django_capture_on_commit_callbacks):
    """A Russian-only thematic area translated into English: a translation the ru translator does not own."""
    ru = Locale.objects.get(language_code="ru")
    en = Locale.objects.get(language_code="en")
    source = ThematicArea.objects.create(name="Только по-русски", slug="only-russian", locale=ru)
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(source, [en])
    return Translation.objects.get(source__object_id=source.translation_key, target_locale=en)


def snippet_url(model, view, *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}", args=args)


def page_urls(page):
    revision = page.latest_revision
    return {
        "delete": reverse("wagtailadmin_pages:delete", args=(page.pk,)),
        "copy": reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        "move": reverse("wagtailadmin_pages:move_confirm", args=(page.pk, page.get_parent().get_parent().pk)),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
        "add_subpage": reverse("wagtailadmin_pages:add_subpage", args=(page.get_parent().pk,)),
        "add": reverse("wagtailadmin_pages:add", args=("publications", "factsheetpage", page.get_parent().pk)),
        "revert": reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, revision.pk)),
    }


def bulk_urls(app_label, model_name, pk, actions=("delete",)):
    # A bulk action's GET only shows its confirmation; the POST is what acts, and is what is refused.
    return {
        action: reverse("wagtail_bulk_action", args=(app_label, model_name, action)) + f"?id={pk}" for action in actions
    }


def refused(client, urls, method="get"):
    """The names of ``urls`` the client was *not* refused."""
    return sorted(name for name, url in urls.items() if not is_denial(getattr(client, method)(url)))


def test_the_translator_opens_the_russian_page_in_the_translation_editor(users, pages, client):
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=(pages["ru"].pk,)))
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    # The route in docs/roles.md: translators publish in their locale, so the main button is Publish.
    assert json.loads(response.context["props"])["perms"]["canPublish"] is True


def test_the_translator_cannot_open_the_english_page(users, pages, client):
    client.force_login(users["translator"])
    assert is_denial(client.get(reverse("wagtailadmin_pages:edit", args=(pages["en"].pk,))))


def test_the_translator_changes_no_page_structure_in_either_language(users, pages, client):
    client.force_login(users["translator"])
    for language in ("en", "ru"):
        urls = page_urls(pages[language])
        # Move and unpublish show their confirmation on GET (Wagtail's hooks run on POST), and a Russian
        # page's revert is an edit in the translator's own locale.
        shown = {"move", "unpublish", "revert"} if language == "ru" else set()
        assert refused(client, {name: url for name, url in urls.items() if name not in shown}) == [], language
        posted = {name: url for name, url in urls.items() if not (language == "ru" and name == "revert")}
        assert refused(client, posted, "post") == [], language
        bulk = bulk_urls("wagtailcore", "page", pages[language].pk, ("delete", "publish", "unpublish"))
        assert refused(client, bulk, "post") == [], language
    assert FactsheetPage.objects.filter(pk=pages["ru"].pk, live=True).exists()


def test_the_translator_publishes_a_russian_page_and_no_english_one(users, pages):
    translator = users["translator"]
    assert pages["ru"].permissions_for_user(translator).can_publish()
    assert not pages["en"].permissions_for_user(translator).can_publish()
    assert not pages["en"].permissions_for_user(translator).can_edit()


# Every snippet model but the termbase, whose rows hold both languages and which translators keep.
NOT_THEIRS = [model for model in get_snippet_models() if model is not Term]


@pytest.mark.parametrize("model", NOT_THEIRS, ids=lambda model: model._meta.label)
def test_the_translator_changes_no_english_snippet(model, users, client):
    client.force_login(users["translator"])
    english = model.objects.filter(**({"locale__language_code": "en"} if hasattr(model, "locale") else {})).first()
    assert english is not None
    urls = {
        "edit": snippet_url(model, "edit", english.pk),
        "delete": snippet_url(model, "delete", english.pk),
        "add": snippet_url(model, "add"),
        "add_en": snippet_url(model, "add") + "?locale=en",
    }
    assert refused(client, urls) == []
    assert refused(client, urls, "post") == []
    assert refused(client, bulk_urls(model._meta.app_label, model._meta.model_name, english.pk), "post") == []
    assert model.objects.filter(pk=english.pk).exists()


@pytest.mark.parametrize("model", [m for m in get_snippet_models() if hasattr(m, "locale")], ids=str)
def test_the_translator_translates_russian_snippets_but_deletes_none(model, users, client):
    client.force_login(users["translator"])
    russian = model.objects.filter(locale__language_code="ru").first()
    assert client.get(snippet_url(model, "edit", russian.pk)).status_code == 200
    assert is_denial(client.post(snippet_url(model, "delete", russian.pk)))
    assert model.objects.filter(pk=russian.pk).exists()


def test_the_translator_changes_no_document(users, client):
    client.force_login(users["translator"])
    document = Document.objects.create(title="An English report", file=ContentFile(b"%PDF-1.4", name="report.pdf"))
    urls = {
        "edit": reverse("wagtaildocs:edit", args=(document.pk,)),
        "delete": reverse("wagtaildocs:delete", args=(document.pk,)),
        "add": reverse("wagtaildocs:add"),
        "add_multiple": reverse("wagtaildocs:add_multiple"),
    }
    assert refused(client, urls) == []
    assert refused(client, urls, "post") == []


def test_localize_endpoints_of_a_translation_into_english_refuse_the_translator(users, english_target, client):
    client.force_login(users["translator"])
    translation = english_target
    segment = StringSegment.objects.filter(context__object_id=translation.source.object_id).first()
    urls = {
        "download_po": reverse("wagtail_localize:download_pofile", args=(translation.pk,)),
        "upload_po": reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        "preview": reverse("wagtail_localize:preview_translation", args=(translation.pk,)),
        "machine_translate": reverse("wagtail_localize:machine_translate", args=(translation.pk,)),
        "stop": reverse("wagtail_localize:stop_translation", args=(translation.pk,)),
    }
    assert refused(client, urls, "post") == []
    string_url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    response = client.put(
        string_url, urlencode({"value": "Overwritten"}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Overwritten").exists()


def test_the_translator_saves_a_russian_string_in_the_editor(users, pages, client):
    client.force_login(users["translator"])
    translation = pages["translation"]
    segment = StringSegment.objects.filter(context__object_id=translation.source.object_id).first()
    string_url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
    response = client.put(
        string_url, urlencode({"value": "Новый перевод"}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert (
        StringTranslation.objects.get(
            translation_of_id=segment.string_id, context_id=segment.context_id, locale=translation.target_locale
        ).data
        == "Новый перевод"
    )


def bulk_localize_urls(pages):
    source = pages["translation"].source
    return {
        "sync": reverse("wagtail_localize:update_translations", args=(source.pk,)),
        "submit": reverse("wagtail_localize:submit_page_translation", args=(pages["en"].pk,)),
        "stop": reverse("wagtail_localize:stop_translation", args=(pages["translation"].pk,)),
        "convert_to_alias": reverse("wagtail_localize:convert_to_alias", args=(pages["ru"].pk,)),
    }


def test_only_moderators_sync_submit_or_stop_translations(users, pages, client):
    client.force_login(users["translator"])
    assert refused(client, bulk_localize_urls(pages)) == []
    assert refused(client, bulk_localize_urls(pages), "post") == []
    client.force_login(users["editor"])
    assert refused(client, {"sync": bulk_localize_urls(pages)["sync"]}) == []
    client.force_login(users["moderator"])
    assert client.get(bulk_localize_urls(pages)["sync"]).status_code == 200
