"""The writes of one import row: documents, publication pages, profile documents, redirects."""

from django.apps import apps
from django.core.files import File
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.models import Page

from cms.dates import DatePrecision

from ..documents import find_duplicate
from ..models import ImportRecord, PublicationCountry, PublicationFile, PublicationThematicArea
from .rows import RowError, title_from_filename


def get_or_create_document(plan, *, user=None, created_files=None):
    """The Document holding this file: an existing one with the same SHA-256, or a new one.

    Returns ``(document, created)``.  ``created_files`` collects stored file names so that a
    rolled-back row can remove what it wrote to storage.
    """
    existing = find_duplicate(plan.sha256)
    if existing is not None:
        return existing, False
    row = plan.row
    document = get_document_model()(
        title=(row.title or title_from_filename(row.path.name))[:255],
        language=plan.language,
        original_filename=row.path.name[:255],
        uploaded_by_user=user,
    )
    with open(row.path, "rb") as handle:
        document.file.save(row.path.name, File(handle), save=False)
    if created_files is not None:
        created_files.append((document.file.storage, document.file.name))
    document.file_size = row.path.stat().st_size
    document.save()  # the post_save handler fingerprints it and schedules text extraction on commit
    return document, True


def advance_records(page_id, old_revision_id, new_revision_id):
    """Records that were in step with ``page`` stay in step after the import's own new revision."""
    if old_revision_id != new_revision_id:
        ImportRecord.objects.filter(page_id=page_id, imported_revision_id=old_revision_id).update(
            imported_revision_id=new_revision_id
        )


def _same(rows, attribute, wanted):
    return [getattr(item, attribute) for item in rows.all()] == list(wanted)


def fill_publication(page, plan, document_ids):
    """Set the page's fields and relation rows from the plan; rows that did not change are kept."""
    row = plan.row
    page.title = row.title
    page.summary = row.summary
    if not page.fixed_kind:
        page.kind = row.type
    page.publication_date = plan.date
    page.publication_date_precision = plan.precision or DatePrecision.DAY
    if not _same(page.files, "document_id", document_ids):
        page.files = [PublicationFile(document_id=pk) for pk in document_ids]
    if not _same(page.country_links, "country_id", plan.country_ids):
        page.country_links = [PublicationCountry(country_id=pk) for pk in plan.country_ids]
    if not _same(page.thematic_area_links, "thematic_area_id", plan.area_ids):
        page.thematic_area_links = [PublicationThematicArea(thematic_area_id=pk) for pk in plan.area_ids]


def _save(page, *, user, publish, log_action=True):
    old = page.latest_revision_id
    revision = page.save_revision(user=user, log_action=log_action)
    if publish:
        revision.publish(user=user)
    advance_records(page.pk, old, revision.pk)
    return revision


def create_publication(plan, library, document_ids, *, user=None):
    row = plan.row
    model = apps.get_model(row.page_type)
    parent = Page.objects.get(pk=library.pk)  # fresh: tree counters change with every child
    base = slugify(row.title)[:80].strip("-") or slugify(row.key)[:80].strip("-") or "publication"
    page = model(
        title=row.title,
        slug=find_available_slug(parent, base),
        live=False,
        has_unpublished_changes=True,
        owner=user,
        locale_id=library.locale_id,
    )
    fill_publication(page, plan, document_ids)
    parent.add_child(instance=page)
    revision = _save(page, user=user, publish=row.publish)
    return page, revision


def update_publication(plan, page, document_ids, *, user=None):
    page = page.specific.get_latest_revision_as_object()
    if page._meta.label != plan.row.page_type:
        raise RowError(
            f"type changed to {plan.row.type}, but the page imported for this key is a {page._meta.verbose_name}: "
            "a page cannot change its type (use a new key, or delete the page first)"
        )
    fill_publication(page, plan, document_ids)
    revision = _save(page, user=user, publish=plan.row.publish)
    return page, revision


def attach_profile_documents(plan, document_ids, replaced_ids, *, user=None):
    """Put the documents on the English CountryPage(s) of the row; returns ``(first page, notes)``.

    Documents this row imported before (``replaced_ids``) and no longer wants are taken off.
    A country page with unpublished changes by an editor gets a draft, never a publication of
    their work.
    """
    from countries.models import CountryPage, CountryProfileDocument

    notes = []
    wanted = list(document_ids)
    holders = (
        set(
            CountryProfileDocument.objects.filter(
                document_id__in=replaced_ids, page__locale_id=plan.locale_id
            ).values_list("page_id", flat=True)
        )
        if replaced_ids
        else set()
    )
    first = None
    for pk in list(plan.country_ids) + sorted(holders - set(plan.country_ids)):
        page = CountryPage.objects.get(pk=pk)
        first = first or page
        draft_pending = page.has_unpublished_changes and page.live
        obj = page.get_latest_revision_as_object()
        rows = list(obj.profile_documents.all())
        keep = [r for r in rows if r.document_id not in replaced_ids or r.document_id in wanted]
        present = {r.document_id for r in keep}
        add = []
        if pk in plan.country_ids:
            add = [CountryProfileDocument(document_id=d) for d in wanted if d not in present]
        if len(keep) == len(rows) and not add:
            continue
        obj.profile_documents = keep + add
        publish = plan.row.publish and not draft_pending
        if plan.row.publish and draft_pending:
            notes.append(f"{page.title} has unpublished changes: the document was added to its draft, not published")
        _save(obj, user=user, publish=publish)
    return first, notes


def set_redirect(legacy_url, page):
    """A permanent, site-independent redirect from the old site's address to ``page``."""
    if not legacy_url:
        return None
    old_path = Redirect.normalise_path(legacy_url)
    if old_path in ("", "/"):
        raise RowError(f"legacy_url {legacy_url!r} has no path to redirect from")
    redirect, _created = Redirect.objects.update_or_create(
        old_path=old_path,
        site=None,
        defaults={"redirect_page": page, "redirect_link": "", "is_permanent": True},
    )
    return redirect


def remove_stored_files(created_files):
    for storage, name in created_files:
        try:
            storage.delete(name)
        except OSError:
            pass
