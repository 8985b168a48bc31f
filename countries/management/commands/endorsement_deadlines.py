"""Send due endorsement reminders and publish lapsed profiles as drafts (countries/deadlines.py).

Idempotent and safe to run from two schedulers at once; the demo runs it every minute beside the
worker, production from a systemd timer (docs/operations.md).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from countries import deadlines


class Command(BaseCommand):
    help = (
        "Send the endorsement reminders that are due and publish the profiles whose endorsement deadline has "
        "passed, marked 'draft, not endorsed by the state'. Idempotent; concurrent runs never repeat a step."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            default=None,
            help="Act as if it were this ISO date-time (for rehearsals, e.g. 2027-03-01T09:00); default: now.",
        )

    def handle(self, *args, now, **options):
        moment = None
        if now:
            try:
                moment = datetime.datetime.fromisoformat(now)
            except ValueError as exc:
                raise CommandError(f"--now {now!r} is not an ISO date-time") from exc
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        verbose = options["verbosity"] > 0

        def progress(items):
            for number, item in enumerate(items, 1):
                if options["verbosity"] > 1:
                    self.stdout.write(f"  endorsement {number}/{len(items)}")
                yield item

        outcome = deadlines.run(now=moment, progress=progress)
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Endorsement deadlines: {outcome.reminded} reminded, {outcome.lapsed} published as drafts, "
                    f"{outcome.skipped} skipped (held by another run or already handled)."
                )
            )
