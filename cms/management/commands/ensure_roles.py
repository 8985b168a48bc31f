"""Create or correct the editorial groups, their rights and the two workflows (cms/roles.py).

Run by `make demo` and once on a production install; safe to re-run after a change of policy.
"""

from django.core.management.base import BaseCommand, CommandError

from cms.roles import ensure_roles, participating_states


class Command(BaseCommand):
    help = (
        "Create or correct the groups Editors, Moderators, one translator group per target locale and one "
        "focal-point group per participating state, their permissions, and the editorial-review and "
        "profile-endorsement workflows. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--states", default=None, help="CSV of participating states (default: settings.PARTICIPATING_STATES_FILE)."
        )

    def handle(self, *args, states, **options):
        try:
            rows = participating_states(states)
        except (OSError, KeyError) as exc:
            raise CommandError(f"Cannot read the states list {states or '(default)'}: {exc}") from exc
        if options["verbosity"]:
            self.stdout.write(f"Roles: 2 editorial groups, translator groups, {len(rows)} focal-point groups")
        summary = ensure_roles(rows, report=self.stdout.write if options["verbosity"] > 1 else (lambda _line: None))
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    "Roles: {created} created, {changed} corrected, {unchanged} already right; "
                    "workflows 'Editorial review' and 'Profile endorsement' assigned.".format(**summary)
                )
            )
