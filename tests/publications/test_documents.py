"""Documents through the admin: validation by content, duplicates, extraction off the request, serving."""

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.models import ExtractionStatus

from .files import make_docx, make_pdf, png_bytes

RUSSIAN_PAGE = "Реадмиссия и возвращение мигрантов\nReadmission and return of migrants"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


def upload(client, name, content, **extra):
    data = {
        "title": extra.pop("title", name),
        "file": SimpleUploadedFile(name, content),
        "collection": Collection.get_first_root_node().pk,
        "language": extra.pop("language", "ru"),
        "tags": "",
    }
    return client.post(reverse("wagtaildocs:add"), data)


def make_document(tmp_path, name="plan.pdf", pages=(RUSSIAN_PAGE,), **fields):
    path = make_pdf(tmp_path / name, pages) if name.endswith(".pdf") else make_docx(tmp_path / name, pages)
    document = get_document_model()(title=fields.pop("title", name), **fields)
    document.file.save(name, ContentFile(path.read_bytes()), save=False)
    document.original_filename = name
    document.save()
    return document


@pytest.mark.django_db
def test_upload_extracts_russian_text_off_the_request(admin_client, tmp_path, django_capture_on_commit_callbacks):
    pdf = make_pdf(tmp_path / "readmission.pdf", [RUSSIAN_PAGE, "Страница 2"]).read_bytes()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = upload(admin_client, "readmission.pdf", pdf)
    assert response.status_code == 302, response.content[:2000]
    assert callbacks, "extraction must be scheduled after the upload commits, not run inside it"
    document = get_document_model().objects.get(title="readmission.pdf")
    assert document.format == "pdf"
    assert document.original_filename == "readmission.pdf"
    assert len(document.sha256) == 64
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.page_count == 2
    assert "Реадмиссия и возвращение мигрантов" in document.extracted_text


@pytest.mark.django_db
def test_a_png_named_pdf_is_refused_with_the_file_name(admin_client):
    response = upload(admin_client, "scan.pdf", png_bytes())
    assert response.status_code == 200
    errors = str(response.context["form"].errors["file"])
    assert "scan.pdf" in errors and "image" in errors.lower()
    assert not get_document_model().objects.filter(title="scan.pdf").exists()


@pytest.mark.django_db
def test_a_duplicate_upload_is_offered_for_reuse(admin_client, tmp_path):
    existing = make_document(tmp_path, "action-plan.pdf", title="Action Plan")
    response = upload(admin_client, "copy-of-plan.pdf", existing.file.open("rb").read())
    errors = str(response.context["form"].errors["file"])
    assert "Action Plan" in errors
    assert reverse("wagtaildocs:edit", args=[existing.pk]) in errors


@pytest.mark.django_db
def test_the_size_limit_names_the_file(admin_client, settings, tmp_path):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024
    pdf = make_pdf(tmp_path / "big.pdf", ["x" * 80] * 5).read_bytes()
    response = upload(admin_client, "big.pdf", pdf)
    errors = str(response.context["form"].errors["file"])
    assert "big.pdf" in errors and "limit" in errors


@pytest.mark.django_db
def test_pdf_opens_inline_under_a_strict_csp(client, tmp_path):
    document = make_document(tmp_path)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_word_files_download_under_their_original_name(client, tmp_path):
    document = make_document(tmp_path, "Рекомендации.docx", pages=["Трудовая миграция"])
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "%D0%A0%D0%B5%D0%BA" in response["Content-Disposition"]  # "Рек..." percent-encoded


@pytest.mark.django_db
def test_the_permanent_url_survives_a_new_version(client, tmp_path):
    document = make_document(tmp_path, "factsheet.pdf", pages=["First version"])
    permanent = document.url
    new = make_pdf(tmp_path / "factsheet-2024.pdf", ["Second version"])
    document.file.save("factsheet-2024.pdf", ContentFile(new.read_bytes()), save=True)
    assert document.url == permanent
    response = client.get(permanent)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == new.read_bytes()


@pytest.mark.django_db
def test_private_collection_stays_private(client, tmp_path):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Drafts for focal points")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = make_document(tmp_path, collection=private)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_failed_extractions_are_listed_and_can_be_retried(admin_client, tmp_path, django_capture_on_commit_callbacks):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(make_pdf(tmp_path / "ok.pdf", ["text"]).read_bytes()[:300])
    document = get_document_model()(title="Broken report")
    document.file.save("broken.pdf", ContentFile(broken.read_bytes()), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extraction_error

    listing = admin_client.get(reverse("publications_extraction_status") + "?status=failed")
    assert "Broken report" in listing.content.decode()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = admin_client.post(reverse("publications_extraction_retry"), {"document": [document.pk]})
    assert response.status_code == 302
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_extraction_status_page_is_for_editors_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(user)
    response = client.get(reverse("publications_extraction_status"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_a_publication_shows_each_file_with_language_size_pages_and_a_preview(
    client, tmp_path, django_capture_on_commit_callbacks
):
    from publications.models import PublicationFile, PublicationIndexPage, PublicationPage

    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(tmp_path, "report.pdf", pages=(RUSSIAN_PAGE, "2", "3"), language="ru")
    document.refresh_from_db()
    assert document.preview, "a PDF gets a first-page preview image"
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(instance=PublicationPage(title="Return report", slug="return-report", kind="report"))
    PublicationFile.objects.create(page=page, document=document, locale=page.locale)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert document.url in html
    assert document.preview_url in html
    preview = client.get(document.preview_url)
    assert preview.status_code == 200 and preview["Content-Type"] == "image/png"
    assert "Russian" in html and "PDF" in html and "3 pages" in html


@pytest.mark.django_db
def test_private_files_stay_out_of_pages_search_and_previews(client, tmp_path, django_capture_on_commit_callbacks):
    from modelsearch import index

    from publications.models import PublicationFile, PublicationIndexPage, PublicationPage

    root = Collection.get_first_root_node()
    private = root.add_child(name="Negotiation notes")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    with django_capture_on_commit_callbacks(execute=True):
        secret = make_document(tmp_path, "notes.pdf", pages=["Confidential zanzibarword notes"], collection=private)
        public = make_document(tmp_path, "report.pdf", pages=["Open quokkaword report"], title="Open report")
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(instance=PublicationPage(title="Talks", slug="talks", kind="report"))
    for document in (secret, public):
        PublicationFile.objects.create(page=page, document=document, locale=page.locale)
    page.save_revision().publish()
    index.insert_or_update_object(page.specific)

    html = client.get(page.url).content.decode()
    assert "Open report" in html and "notes.pdf" not in html
    secret.refresh_from_db()
    assert client.get(secret.preview_url).status_code == 302  # to the login page, like the file itself

    def found(word):
        return client.get("/api/search/", {"q": word, "locale": "all"}).json()["count"]

    assert found("quokkaword") == 1
    assert found("zanzibarword") == 0


@pytest.mark.django_db
def test_making_a_collection_private_takes_its_text_out_of_search(client, tmp_path, django_capture_on_commit_callbacks):
    from modelsearch import index

    from publications.models import PublicationFile, PublicationIndexPage, PublicationPage

    collection = Collection.get_first_root_node().add_child(name="Drafts")
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(tmp_path, "draft.pdf", pages=["Draft okapiword text"], collection=collection)
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(instance=PublicationPage(title="Draft", slug="draft", kind="report"))
    PublicationFile.objects.create(page=page, document=document, locale=page.locale)
    page.save_revision().publish()
    index.insert_or_update_object(page.specific)

    def found():
        return client.get("/api/search/", {"q": "okapiword", "locale": "all"}).json()["count"]

    assert found() == 1
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    assert found() == 0


@pytest.mark.django_db
def test_a_title_edit_does_not_reread_the_file(tmp_path, monkeypatch):
    document = get_document_model().objects.get(pk=make_document(tmp_path).pk)

    def reread(_handle):
        raise AssertionError("the file was hashed again for a title edit")

    monkeypatch.setattr("publications.documents.sha256_of", reread)
    document.title = "Action Plan (corrected title)"
    document.save()
    with pytest.raises(AssertionError, match="hashed again"):
        document.file.save("new-version.pdf", ContentFile(b"%PDF-1.4 new"), save=True)


@pytest.mark.django_db
def test_the_api_lists_public_files_only(client, tmp_path):
    from publications.models import PublicationFile, PublicationIndexPage, PublicationPage

    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    secret = make_document(tmp_path, "internal.pdf", title="Internal memo", collection=private)
    public = make_document(tmp_path, "public.pdf", title="Public report", language="ru")
    library = PublicationIndexPage.objects.get(locale__language_code="en")
    page = library.add_child(instance=PublicationPage(title="Memo", slug="memo", kind="report"))
    for document in (secret, public):
        PublicationFile.objects.create(page=page, document=document, locale=page.locale)
    page.save_revision().publish()
    files = client.get(f"/api/v2/pages/{page.pk}/").json()["files"]
    assert [item["title"] for item in files] == ["Public report"]
    assert files[0]["language"] == "ru" and files[0]["url"] == public.url
