import filecmp
import logging
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.seed import DATA_DIR, SEED_TEXT_FILE, STATES_FILE
from home.seed.loader import STATUSES, SeedLoader


class Command(BaseCommand):
    help = (
        "Load the Prague Process seed content in English and Russian: regions, thematic areas and "
        "organisations (snippets); the home page intro and the sections (Projects, Library, Participating "
        "states, About); the 50 participating states; the projects (PP TI and its four pilot projects, BMP "
        "Transitional, BMP Initiative, ERIS, SIPPAP) with objectives, partners by role, thematic areas and "
        "expected results; and the library (Action Plan 2012–2016, BMP Joint Declaration, Factsheet, the "
        "pilot projects' outputs). Every page and snippet is also translated into Russian through "
        "wagtail-localize (Translation → PO import → publish) from home/seed/russian.py; a missing Russian "
        "string stops the load. Idempotent: objects are matched by slug / ISO code, only differences are "
        "written, and a second run reports 0 created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed-dir",
            type=Path,
            default=None,
            help=(
                f"Folder holding {SEED_TEXT_FILE} and {STATES_FILE}. Default: the copy shipped in "
                f"home/seed/data/ ({DATA_DIR}); a warning is printed if ../shared/seed beside the repository "
                "differs from it."
            ),
        )

    def handle(self, *args, seed_dir=None, verbosity=1, **options):
        if seed_dir is None:
            seed_dir = DATA_DIR
            shared = Path(settings.BASE_DIR).parent / "shared" / "seed"
            if verbosity and shared.is_dir():
                _, mismatch, errors = filecmp.cmpfiles(shared, DATA_DIR, [SEED_TEXT_FILE, STATES_FILE], shallow=False)
                if mismatch or errors:
                    self.stderr.write(
                        self.style.WARNING(
                            f"{shared} differs from home/seed/data ({', '.join(mismatch + errors)}); loading "
                            f"home/seed/data. Pass --seed-dir {shared} to load the shared copy."
                        )
                    )
        seed_dir = Path(seed_dir)
        if not seed_dir.is_dir():
            raise CommandError(f"--seed-dir {seed_dir} is not a folder")

        if verbosity:
            self.stdout.write(f"Loading the Prague Process seed from {seed_dir}")
        loader = SeedLoader(seed_dir, stdout=self.stdout, verbosity=verbosity)
        # Wagtail logs every page edit and publication, django-tasks every (search/reference index) task, at
        # INFO: thousands of lines. Keep them for -v 3.
        loggers = [logging.getLogger(name) for name in ("wagtail", "django_tasks")]
        levels = [logger.level for logger in loggers]
        if verbosity < 3:
            for logger in loggers:
                logger.setLevel(logging.WARNING)
        try:
            stats = loader.run()
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)

        if verbosity:
            width = max(len(kind) for kind in stats.counts) + 2
            self.stdout.write("")
            self.stdout.write(f"{'':{width}}" + "".join(f"{status:>11}" for status in STATUSES))
            for kind, row in stats.counts.items():
                self.stdout.write(f"{kind:{width}}" + "".join(f"{row[status]:>11}" for status in STATUSES))
            totals = ", ".join(f"{stats.total(status)} {status}" for status in STATUSES)
            self.stdout.write(self.style.SUCCESS(f"Done in {loader.elapsed:.1f} s: {totals}."))
        self.stats = stats
