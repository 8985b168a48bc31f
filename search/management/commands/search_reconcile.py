from django.core.management.base import BaseCommand, CommandError

from modelsearch.backends import get_search_backend

from search.reconcile import check, repair, root_models


class Command(BaseCommand):
    help = (
        "List what the search index misses (in the database, not indexed), holds stale (an older "
        "last_published_at than the database) or holds in excess (gone from the database), per indexed "
        "model; with --repair, re-index the missing and stale objects and remove the orphans. Exits 1 "
        "when differences remain."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Fix the differences found.")
        parser.add_argument(
            "--model", action="append", default=[], help="Only this model label (repeatable), e.g. wagtailcore.Page."
        )
        parser.add_argument("--show", type=int, default=10, help="How many IDs to list per problem (default 10).")

    def handle(self, *args, **options):
        backend = get_search_backend()
        models = [m for m in root_models() if not options["model"] or m._meta.label in options["model"]]
        if options["model"] and not models:
            raise CommandError(f"No indexed model among {options['model']}")
        self.stdout.write(f"Reconciling {len(models)} indexed model(s) against {type(backend).__module__}")
        remaining = 0
        for model in models:
            try:
                report = check(backend, model)
            except Exception as exc:  # engine down: say so, do not crash half-way
                raise CommandError(f"Cannot read the index of {model._meta.label}: {exc}") from exc
            line = (
                f"{report.label}: {report.expected} in database, {report.indexed} in index, "
                f"{len(report.missing)} missing, {len(report.stale)} stale, {len(report.orphans)} orphaned"
            )
            self.stdout.write(self.style.SUCCESS(line) if report.clean else self.style.WARNING(line))
            for name in ("missing", "stale", "orphans"):
                ids = getattr(report, name)
                if ids:
                    more = f" (+{len(ids) - options['show']} more)" if len(ids) > options["show"] else ""
                    self.stdout.write(f"  {name}: {', '.join(ids[: options['show']])}{more}")
            if options["repair"] and not report.clean:
                repair(
                    backend,
                    model,
                    report,
                    progress=lambda done, total: self.stdout.write(f"  re-indexed {done}/{total}"),
                )
                after = check(backend, model)
                self.stdout.write(
                    f"  repaired: {len(after.missing)} missing, {len(after.stale)} stale, "
                    f"{len(after.orphans)} orphaned left"
                )
                report = after
            remaining += 0 if report.clean else 1
        summary = "Index matches the database." if not remaining else f"{remaining} model(s) differ from the database."
        self.stdout.write(self.style.SUCCESS(summary) if not remaining else self.style.ERROR(summary))
        if remaining:
            raise SystemExit(1)
