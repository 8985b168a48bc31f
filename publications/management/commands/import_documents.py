"""``manage.py import_documents PATH``: bulk import of documents into the library."""

import logging
import sys
import textwrap

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from publications.importing import ImportAbort, Importer
from publications.importing.rows import COLUMNS, KNOWN_TYPES

TYPES = textwrap.fill(", ".join(KNOWN_TYPES), width=76, subsequent_indent=" " * 18)
HELP = f"""Import documents into the publication library from a CSV manifest or a folder of files.

A manifest is a UTF-8 CSV file with the columns: {", ".join(COLUMNS)}
(key and file are required; relative paths in `file` are read from the manifest's folder).

  key             a stable identifier of the row; re-imports match rows by key
  file            the file: PDF, DOCX, ODT, XLSX or plain text (the type is sniffed from the
                  content, never taken from the extension; DOCUMENT_MAX_UPLOAD_MB caps the size)
  title           the page title (default: made from the file name)
  language        the language of the file itself: en, ru, mul or other (default: guessed from
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

Text extraction of new documents runs on the task queue after each row commits (inline with
the immediate tasks backend); --extract-now runs it here instead.

Example:  manage.py import_documents library/manifest.csv --dry-run"""


class Command(BaseCommand):
    help = HELP

    def create_parser(self, prog_name, subcommand, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser):
        parser.add_argument("path", help="a CSV manifest or a folder of files")
        parser.add_argument("--dry-run", action="store_true",
                            help="validate everything (files, types, codes, keys) and report; write nothing")
        parser.add_argument("--extract-now", action="store_true",
                            help="extract the text of new documents here, row by row, instead of leaving it "
                                 "to the task worker")
        parser.add_argument("--language", choices=["en", "ru", "mul", "other"], default="",
                            help="the language of files whose row says none (default: guessed from the text)")
        parser.add_argument("--publish", action="store_true",
                            help="publish rows whose `publish` column is empty, and every file of a folder "
                                 "(default: drafts)")
        parser.add_argument("--user", help="the username recorded as the author of the revisions")
        parser.add_argument("--force", action="store_true",
                            help="overwrite pages changed in the admin since the last import, and re-create "
                                 "pages deleted since")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, path, dry_run, extract_now, language, publish, user, force, no_progress, **options):
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
            path, dry_run=dry_run, user=account, extract_now=extract_now, language=language, publish=publish,
            force=force, progress=None if no_progress or verbosity < 1 else progress,
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
        if verbosity > 0:
            for line in summary.lines():
                self.stdout.write(line)
        if summary.failed:
            raise CommandError(f"{summary.failed} row(s) failed", returncode=1)
