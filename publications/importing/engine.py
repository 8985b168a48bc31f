"""The import engine behind ``manage.py import_documents``.

Streams a CSV manifest (or walks a folder), validates every row without writing, then writes
each row group (a source row and its translation rows) in its own transaction: a failure loses
that row only.  ``ImportRecord`` keeps the checksum of what was imported and the page revision
it left, which makes re-runs idempotent and protects edits made in the admin since.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from cms.models import ExtractionStatus

from ..documents import RefusedFile, find_duplicate, run_extraction, validate_file
from ..extraction import extract
from ..models import ImportRecord, PublicationFile, PublicationIndexPage
from . import writers
from .rows import (
    MIGRATION_PROFILE,
    Folder,
    Manifest,
    Row,
    RowError,
    guess_language,
    row_from_mapping,
    sha256_of_path,
    title_from_filename,
)
from .translation import TranslationBlocked, edited_by_translators, translate_page

STATUSES = ("created", "updated", "unchanged", "skipped", "failed")
WOULD = {"create": "created", "update": "updated", "unchanged": "unchanged", "skip": "skipped"}


class ImportAbort(Exception):
    """Nothing can be imported (no library, unreadable manifest); the message says what to do."""


@dataclass
class Plan:
    """A validated row: everything needed to write it, decided before any write."""

    row: Row
    sha256: str
    kind: str
    language: str
    locale_id: int
    country_ids: list = field(default_factory=list)
    area_ids: list = field(default_factory=list)
    date: object = None
    precision: str | None = None
    record: ImportRecord | None = None
    row_hash: str = ""
    action: str = ""  # create / update / unchanged / skip
    reason: str = ""
    target_locale: Locale | None = None  # translation rows: the locale of their page
    document: object = None
    page: object = None


@dataclass
class Summary:
    counts: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)  # (status, where, reason)
    notes: list = field(default_factory=list)
    documents_created: int = 0
    document_ids: list = field(default_factory=list)  # new documents, for the extraction report
    dry_run: bool = False

    def add(self, status, where, reason=""):
        self.counts[status] += 1
        if status in ("failed", "skipped"):
            self.problems.append((status, where, reason))

    @property
    def failed(self):
        return self.counts["failed"]

    def lines(self):
        verb = "would be " if self.dry_run else ""
        head = ", ".join(f"{self.counts[s]} {verb if s != 'failed' else ''}{s}" for s in STATUSES)
        out = [("Dry run (nothing written): " if self.dry_run else "Import finished: ") + head + "."]
        if not self.dry_run:
            out.append(f"{self.documents_created} new document(s) stored.")
        for status, where, reason in self.problems:
            out.append(f"  {status}: {where}: {reason}")
        out.extend(f"  note: {note}" for note in self.notes)
        return out


class Importer:
    def __init__(
        self,
        source,
        *,
        dry_run=False,
        user=None,
        extract_now=False,
        language="",
        publish=False,
        force=False,
        progress=None,
        log=None,
    ):
        # ``progress``: a callable taking the total number of rows and returning a tqdm-like bar.
        self.source = Path(source).expanduser().resolve()
        self.dry_run = dry_run
        self.user = user
        self.extract_now = extract_now
        self.language = language
        self.publish = publish
        self.force = force
        self.progress_factory = progress
        self.progress = None
        self.log = log or (lambda message: None)
        self.summary = Summary(dry_run=dry_run)

    # ----------------------------------------------------------------- context
    def _load_context(self):
        from cms.models import ThematicArea
        from countries.models import CountryPage

        self.locale = Locale.get_default()
        libraries = PublicationIndexPage.objects.live().filter(locale=self.locale).order_by("path")
        self.library = libraries.filter(slug="library").first() or libraries.first()
        if self.library is None:
            raise ImportAbort(
                f"There is no live publication library (PublicationIndexPage) in the "
                f"{self.locale.get_display_name()} locale. Run `manage.py load_prague_process` first."
            )
        self.countries = {
            iso.upper(): pk for iso, pk in CountryPage.objects.filter(locale=self.locale).values_list("iso_code", "pk")
        }
        self.areas = dict(ThematicArea.objects.filter(locale=self.locale).values_list("slug", "pk"))
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def run(self):
        if not self.source.exists():
            raise ImportAbort(f"{self.source}: no such file or folder")
        self._load_context()
        try:
            if self.source.is_dir():
                self._run_folder()
            else:
                self._run_manifest()
        finally:
            if self.progress is not None:
                self.progress.close()
        return self.summary

    def _start_progress(self, total):
        if self.progress_factory is not None:
            self.progress = self.progress_factory(total)

    def _tick(self, text=None):
        if self.progress is not None:
            if text:
                self.progress.set_postfix_str(text[:40], refresh=False)
            self.progress.update(1)

    def _fail(self, where, reason):
        self.summary.add("failed", where, reason)
        self.log(f"failed: {where}: {reason}")
        self._tick()

    # ---------------------------------------------------------------- manifest
    def _run_manifest(self):
        manifest = Manifest(self.source)
        first_line, translations, translation_keys, total = {}, defaultdict(list), set(), 0
        try:
            for line, record in manifest.records():  # pass 1: keys only (the translation rows are few)
                total += 1
                key = (record.get("key") or "").strip()
                if not key or key in first_line:
                    continue
                first_line[key] = line
                target = (record.get("translation_of") or "").strip()
                if target:
                    translations[target].append((line, record))
                    translation_keys.add(key)
        except (ValueError, csv.Error, UnicodeDecodeError) as exc:
            raise ImportAbort(f"{self.source.name}: cannot read the manifest: {exc}")
        for name in manifest.unknown_columns():
            self.summary.notes.append(f"column {name!r} is not used")
        self._start_progress(total)
        for line, record in manifest.records():  # pass 2: one group per source row
            key = (record.get("key") or "").strip()
            where = f"line {line} (key={key})" if key else f"line {line}"
            target = (record.get("translation_of") or "").strip()
            if key and first_line.get(key) != line:
                self._fail(where, f"duplicate key (first used on line {first_line[key]})")
            elif target and target not in first_line:
                self._fail(where, f"translation_of {target!r} names no row of this manifest")
            elif target and target in translation_keys:
                self._fail(where, f"translation_of {target!r} is itself a translation; name the source row")
            elif not target:
                self._group(line, record, manifest.base_dir, translations.get(key, []) if key else [])

    # ------------------------------------------------------------------ folder
    def _run_folder(self):
        folder = Folder(self.source)
        self._start_progress(folder.count())
        for path in folder.files():
            rel = str(path.relative_to(folder.path))
            try:
                validate_file(path, name=rel)
                sha = sha256_of_path(path)
            except (RefusedFile, OSError) as exc:
                self._fail(rel, str(exc))
                continue
            key = f"sha256:{sha}"
            if not ImportRecord.objects.filter(key=key).exists():
                document = find_duplicate(sha)
                used = document and PublicationFile.objects.filter(document=document).select_related("page").first()
                if used:
                    self.summary.add("skipped", rel, f"already in the library (on page {used.page.title!r})")
                    self._tick()
                    continue
            record = {
                "key": key,
                "file": rel,
                "title": title_from_filename(path.name),
                "type": "report",
                "language": self.language,
                "publish": "yes" if self.publish else "no",
            }
            self._group(None, record, folder.path, [], where=rel)

    # ------------------------------------------------------------------ groups
    def _parse(self, line, record, base_dir):
        return row_from_mapping(
            record, base_dir=base_dir, line=line, default_language=self.language, default_publish=self.publish
        )

    def _group(self, line, record, base_dir, partner_records, where=None):
        where = where or (f"line {line} (key={(record.get('key') or '').strip()})")
        try:
            source = self._plan(self._parse(line, record, base_dir))
        except (RowError, RefusedFile, OSError) as exc:
            self._fail(where, str(exc))
            for partner_line, partner in partner_records:
                self._fail(
                    f"line {partner_line} (key={partner.get('key', '').strip()})", f"its source row ({where}) failed"
                )
            return
        partners = []
        for partner_line, partner_record in partner_records:
            try:
                partners.append(self._plan(self._parse(partner_line, partner_record, base_dir), source=source))
            except (RowError, RefusedFile, OSError) as exc:
                self._fail(f"line {partner_line} (key={partner_record.get('key', '').strip()})", str(exc))
        source.row_hash = source.row.fingerprint(source.sha256, *[(p.row.key, p.sha256) for p in partners])
        self._decide(source)
        for partner in partners:
            self._decide(partner, source=source)
        if self.dry_run:
            for plan in [source, *partners]:
                self.summary.add(WOULD[plan.action], plan.row.where if line else where, plan.reason)
                self._tick(plan.row.key)
            return
        self._write_group(source, partners, where if line is None else None)

    def _plan(self, row, source=None):
        """Validate ``row`` without writing; raise ``RowError``/``RefusedFile`` with the reason."""
        if not row.path.is_file():
            raise RowError(f"file not found: {row.file}")
        kind = validate_file(row.path, name=row.file)
        sha = sha256_of_path(row.path)
        plan = Plan(row=row, sha256=sha, kind=kind, language=row.language, locale_id=self.locale.pk)
        if source is not None:  # a translation row: structure comes from its source row
            if source.row.type != MIGRATION_PROFILE:
                plan.language = plan.language or self._guess(row)
                locale = self.locales.get(plan.language)
                if locale is None or locale.pk == self.locale.pk:
                    raise RowError(
                        f"a translation must be in another site language than the source row "
                        f"({', '.join(c for c in self.locales if c != self.locale.language_code)}), "
                        f"not {plan.language or 'unknown'!r}"
                    )
                plan.target_locale = locale
                if not row.title:
                    raise RowError("a translation needs a title")
            row.type, row.countries = source.row.type, source.row.countries
            plan.country_ids = source.country_ids
        else:
            missing = [code for code in row.countries if code not in self.countries]
            if missing:
                raise RowError(f"unknown ISO code(s): {', '.join(missing)} (no participating state has them)")
            plan.country_ids = [self.countries[code] for code in row.countries]
            unknown = [slug for slug in row.thematic_areas if slug not in self.areas]
            if unknown:
                raise RowError(f"unknown thematic area(s): {', '.join(unknown)} (use the thematic areas' codes)")
            plan.area_ids = [self.areas[slug] for slug in row.thematic_areas]
            plan.date, plan.precision = row.parsed_date()
        if not plan.language:
            plan.language = self._guess(row)
        row.title = row.title or title_from_filename(row.path.name)
        plan.record = ImportRecord.objects.filter(key=row.key).first()
        if source is not None:
            plan.row_hash = row.fingerprint(sha)
        return plan

    def _guess(self, row):
        """The file's language from the share of Cyrillic in its first pages (English if no text)."""
        limits = {**settings.DOCUMENT_EXTRACTION_LIMITS, "max_chars": 20_000, "ocr": False}
        guessed = guess_language(extract(row.path, **limits).text or "")
        if guessed is None:
            self.summary.notes.append(f"{row.where}: no text to guess the language from; set to English")
        return guessed or "en"

    def _decide(self, plan, source=None):
        self._decide_one(plan, source)
        if source is not None and source.action == "skip" and plan.action in ("create", "update"):
            plan.action, plan.reason = "skip", f"its source row was skipped ({source.reason})"

    def _decide_one(self, plan, source=None):
        record = plan.record
        if record is None:
            plan.action = "create"
            return
        page = Page.objects.filter(pk=record.page_id).only("latest_revision_id").first() if record.page_id else None
        if page is None:
            if self.force:
                plan.action = "create"
            else:
                plan.action = "skip"
                plan.reason = "its page was deleted since the last import (--force creates it again)"
            return
        plan.page = page
        source_changes = source is not None and source.action in ("create", "update")
        if record.row_hash == plan.row_hash and not source_changes:
            plan.action = "unchanged"
            return
        if not self.force:
            if page.latest_revision_id != record.imported_revision_id:
                plan.action = "skip"
                plan.reason = f"changed in the admin since the last import (revision {page.latest_revision_id})" + (
                    "; its translation was not brought up to date" if source_changes else ""
                )
                return
            if plan.target_locale is not None and edited_by_translators(page, plan.target_locale, record.imported_at):
                plan.action, plan.reason = "skip", "changed in the translation editor since the last import"
                return
        plan.action = "update"

    # ------------------------------------------------------------------ writes
    def _write_group(self, source, partners, folder_where):
        created_files, new_documents = [], []
        where = folder_where or source.row.where
        outcomes = []
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        outcomes.append(
                            (self._write_source(source, partners, created_files, new_documents), where, source.reason)
                        )
                except Exception as exc:  # noqa: BLE001 - a row fails alone, whatever went wrong
                    writers.remove_stored_files(created_files)
                    self._fail(where, describe(exc))
                    for partner in partners:
                        self._fail(partner.row.where, f"its source row ({where}) failed")
                    return
                for partner in partners:
                    partner_files = []
                    try:
                        with transaction.atomic():
                            outcomes.append(
                                (self._write_partner(source, partner, partner_files), partner.row.where, partner.reason)
                            )
                    except Exception as exc:  # noqa: BLE001
                        writers.remove_stored_files(partner_files)
                        outcomes.append(("failed", partner.row.where, describe(exc)))
        finally:
            for status, at, reason in outcomes:
                self.summary.add(status, at, reason if status in ("skipped", "failed") else "")
                if status in ("skipped", "failed"):
                    self.log(f"{status}: {at}: {reason}")
                self._tick(source.row.key)
        self.summary.documents_created += len(new_documents)
        self.summary.document_ids.extend(new_documents)
        if self.extract_now:
            self._extract(new_documents)

    def _write_source(self, plan, partners, created_files, new_documents):
        if plan.action in ("unchanged", "skip"):
            return WOULD[plan.action]
        documents = []
        for item in [plan, *partners]:
            item.document, created = writers.get_or_create_document(item, user=self.user, created_files=created_files)
            if created:
                new_documents.append(item.document.pk)
            documents.append(item.document.pk)
        if plan.row.type == MIGRATION_PROFILE:
            replaced = [r.document_id for r in [plan.record, *[p.record for p in partners]] if r and r.document_id]
            page, notes = writers.attach_profile_documents(plan, documents, replaced, user=self.user)
            self.summary.notes.extend(f"{plan.row.where}: {note}" for note in notes)
        elif plan.action == "create":
            page, _revision = writers.create_publication(plan, self.library, documents, user=self.user)
        else:
            page, _revision = writers.update_publication(plan, plan.page, documents, user=self.user)
        plan.page = page
        writers.set_redirect(plan.row.legacy_url, page)
        self._record(plan, page, plan.document)
        if plan.row.type == MIGRATION_PROFILE:
            for partner in partners:
                self._record(partner, page, partner.document)
        return "created" if plan.action == "create" else "updated"

    def _write_partner(self, source, plan, created_files):
        if source.row.type == MIGRATION_PROFILE:  # written with its source row
            return {"create": "created", "update": "updated"}.get(source.action, WOULD[source.action])
        if plan.action == "skip":
            return "skipped"
        if plan.action == "unchanged":
            return "unchanged"
        if plan.document is None:  # its source row was unchanged, so its document already exists
            plan.document, _created = writers.get_or_create_document(plan, user=self.user, created_files=created_files)
        english = Page.objects.get(pk=source.page.pk if source.page else source.record.page_id).specific
        english = english.get_latest_revision_as_object()
        try:
            page = translate_page(
                english,
                plan.target_locale,
                {"title": plan.row.title, "summary": plan.row.summary},
                user=self.user,
                publish=plan.row.publish,
            )
        except TranslationBlocked as exc:
            plan.reason = str(exc)
            return "skipped"
        writers.set_redirect(plan.row.legacy_url, page)
        self._record(plan, page, plan.document)
        return "created" if plan.action == "create" else "updated"

    def _record(self, plan, page, document):
        latest = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
        ImportRecord.objects.update_or_create(
            key=plan.row.key,
            defaults={
                "source": str(self.source),
                "row_hash": plan.row_hash,
                "page_id": page.pk,
                "document": document,
                "imported_revision_id": latest,
                "imported_at": timezone.now(),
            },
        )

    def _extract(self, document_ids):
        model = get_document_model()
        for pk in document_ids:
            document = model.objects.filter(pk=pk, extraction_status=ExtractionStatus.PENDING).first()
            if document is None:  # the task already ran (immediate backend) or the document is gone
                continue
            if self.progress is not None:
                self.progress.set_postfix_str(f"extracting {document.original_filename}"[:40])
            run_extraction(document)


def describe(exc):
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items())
    return str(exc) or exc.__class__.__name__
