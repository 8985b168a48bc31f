"""``manage.py import_documents PATH``: bulk import of documents into the library."""

import logging
import sys
import textwrap

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from publications.importing import ImportAbort, Importer
from publications.importing.rows import COLUMNS, KNOWN_TYPES, RowError, normalise_language

TYPES = textwrap.fill(", ".join(KNOWN_TYPES), width=76, subsequent_indent=" " * 18)
HELP = f"""Import documents into the publication library from a CSV manifest or a folder of files.

A manifest is a UTF-8 CSV file with the columns: {", ".join(COLUMNS)}
(key and file are required; relative paths in `file` are read from the manifest's folder).

  key             a stable identifier of the row; re-imports match rows by key
  file            the file: PDF, DOCX, ODT, XLSX or plain text (the type is sniffed from the
                  content, never taken from the extension; DOCUMENT_MAX_UPLOAD_MB caps the size)
  title           the page title (default: made from the file name)
  language        the language of the file itself, as a BCP 47 primary subtag (ISO 639-1 such
                  as en, ru, cs, uk; else ISO 639-3 such as cnr for Montenegrin), an ISO 639-2
                  code or an English name; mul for several languages (default: guessed from
                  the share of Cyrillic in its text, or --language)
  type            {TYPES}.
                  action_plan, declaration and factsheet have their own page types; guidelines,
                  recommendations, handbook, best_practices and training_module are guideline
                  pages of that kind; migration_profile attaches the document to the country
                  page(s) of `countries` (no new page); any other kind is an "other publication"
  date            YYYY, YYYY-MM or YYYY-MM-DD (the precision is kept)
  countries       ISO 3166-1 alpha-2 codes separated by ';' (countries covered)
  thematic_areas  thematic area codes (slugs) separated by ';'
  summary         the page summary
  translation_of  the key of another row: this row becomes that publication's translation (its
                  title and summary fill the translated page through wagtail-localize; its file is
                  added to the publication's files, so both language versions offer both files;
                  its type, date, countries and thematic areas come from the source row)
  publish         yes (published) or no (a draft for the editorial workflow; the default)
  legacy_url      the address on the old site: becomes a permanent redirect to the page

Every row is written in its own transaction: a bad row fails alone and is reported with its line
number. Re-running a manifest changes nothing; an edited row updates its page unless the page
was changed in the admin since the last import (then it is reported and left alone). The exit
status is 1 if any row failed.

A folder: every file in it (and its subfolders) becomes an "other publication" (kind report)
titled from the file name, unless a file with the same content was already imported.

Text extraction of new documents and search indexing run on the task queue after each row
commits; at the end the command works through the queue itself (as `manage.py db_worker --batch`
would) and reports each file whose text could not be extracted, so the library is searchable
when it returns. --no-wait leaves the queue to a running worker; --extract-now extracts row by
row instead.

Example:  manage.py import_documents library/manifest.csv --dry-run"""


def _language_option(value):
    import argparse

    try:
        return normalise_language(value)
    except RowError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("path", help="a CSV manifest or a folder of files")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="validate everything (files, types, codes, keys) and report; write nothing",
        )
        parser.add_argument(
            "--extract-now",
            action="store_true",
            help="extract the text of new documents here, row by row, instead of leaving it to the task worker",
        )
        parser.add_argument(
            "--language",
            type=_language_option,
            default="",
            help="the language of files whose row says none (default: guessed from the text)",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish rows whose `publish` column is empty, and every file of a folder (default: drafts)",
        )
        parser.add_argument("--user", help="the username recorded as the author of the revisions")
        parser.add_argument(
            "--force",
            action="store_true",
            help="overwrite pages changed in the admin since the last import, and re-create pages deleted since",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="leave queued extraction and indexing to a running `manage.py db_worker`",
        )

    def work_through_queue(self, verbosity):
        """Run the queued extraction and indexing now, when tasks go to the database queue."""
        if "django_tasks_db" not in settings.TASKS.get("default", {}).get("BACKEND", ""):
            return  # the immediate backend already ran them; another backend has its own workers
        if verbosity > 0:
            self.stderr.write("Extracting text and updating the search index (the queued tasks)...")
        call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)

    def handle(
        self, *args, path, dry_run, extract_now, language, publish, user, force, no_progress, no_wait, **options
    ):
        verbosity = options.get("verbosity", 1)
        account = None
        if user:
            account = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: user}).first()
            if account is None:
                raise CommandError(f"no user {user!r}")
        bars = []

        def progress(total):
            from tqdm import tqdm

            bars.append(tqdm(total=total, unit="row", file=sys.stderr, dynamic_ncols=True, mininterval=0.5))
            return bars[-1]

        def log(message):
            if bars:
                bars[-1].write(message, file=sys.stderr)
            else:
                self.stderr.write(message)

        importer = Importer(
            path,
            dry_run=dry_run,
            user=account,
            extract_now=extract_now,
            language=language,
            publish=publish,
            force=force,
            progress=None if no_progress or verbosity < 1 else progress,
            log=log if verbosity > 1 else None,
        )
        quiet = logging.getLogger("wagtail")  # one "Page created/edited/published" line per write
        level = quiet.level
        if verbosity < 2:
            quiet.setLevel(logging.WARNING)
        try:
            summary = importer.run()
        except ImportAbort as exc:
            raise CommandError(str(exc))
        finally:
            quiet.setLevel(level)
        if not dry_run and not no_wait:
            self.work_through_queue(verbosity)
        if verbosity > 0:
            for line in summary.lines() + extraction_report(summary.document_ids):
                self.stdout.write(line)
        if summary.failed:
            raise CommandError(f"{summary.failed} row(s) failed", returncode=1)


def extraction_report(document_ids):
    """One line per new file whose text could not be read, and a count of those still waiting."""
    from wagtail.documents import get_document_model

    from cms.models import ExtractionStatus

    documents = (
        get_document_model().objects.filter(pk__in=document_ids).exclude(extraction_status=ExtractionStatus.DONE)
    )
    lines, pending = [], 0
    for document in documents.order_by("pk").only(
        "original_filename", "title", "extraction_status", "extraction_error"
    ):
        if document.extraction_status == ExtractionStatus.PENDING:
            pending += 1
            continue
        label = "no text layer" if document.extraction_status == ExtractionStatus.NO_TEXT else "text not extracted"
        name = document.original_filename or document.title
        lines.append(f"  {label}: {name}: {document.extraction_error}")
    if pending:
        lines.append(f"  {pending} new document(s) wait for the task worker (manage.py db_worker).")
    return lines
