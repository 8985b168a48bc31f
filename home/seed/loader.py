"""Write the seed content (English) and its Russian translation (through wagtail-localize) to the database.

Idempotent: every object is found again by a stable key (snippets by ``slug``, pages by ``slug`` under
their parent, participating states by ``iso_code``) and only written when it differs from the seed.
Only the fields the seed speaks about are managed; everything else an editor adds (files, dates,
profiles ...) is left alone.

The seed files are read and checked by ``files.py``; each object is translated into Russian right after
it is written, by ``translate.py`` (a string with no Russian translation stops the load).  Each object is
written in its own transaction, so wagtail-localize's ``on_commit`` publishing runs as the load goes.
"""

import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from cms.dates import DatePrecision, parse_partial_date
from cms.models import Organisation, Region, ThematicArea
from countries.models import CountryIndexPage, CountryPage
from home.models import (
    HomePage,
    ProjectIndexPage,
    ProjectObjective,
    ProjectPage,
    ProjectPartner,
    ProjectResult,
    ProjectThematicArea,
    StandardPage,
)
from publications.models import (
    ActionPlanPage,
    FactsheetPage,
    GuidelinePage,
    JointDeclarationPage,
    PublicationIndexPage,
    PublicationOrganisation,
    PublicationProject,
    PublicationThematicArea,
)

from . import content
from .files import read_seed_files
from .russian import RU
from .translate import RussianTranslator, escape

STATUSES = ("created", "updated", "unchanged")
PUBLICATION_MODELS = {
    "action_plan": ActionPlanPage,
    "joint_declaration": JointDeclarationPage,
    "factsheet": FactsheetPage,
    "guideline": GuidelinePage,
}


def _date(value):
    if not value:
        return None, DatePrecision.YEAR
    return parse_partial_date(value)


def _rich(paragraphs):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


class Stats:
    def __init__(self):
        self.counts = defaultdict(lambda: dict.fromkeys(STATUSES, 0))

    def add(self, kind, status):
        self.counts[kind][status] += 1

    def total(self, status):
        return sum(row[status] for row in self.counts.values())

    def as_dict(self):
        return {kind: dict(row) for kind, row in self.counts.items()}


class SeedLoader:
    def __init__(self, seed_dir, stdout=None, verbosity=1):
        self.seed_dir = Path(seed_dir)
        self.stdout = stdout
        self.verbosity = verbosity
        self.stats = Stats()

    # --- output ----------------------------------------------------------------------------

    def say(self, message, level=1):
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(message)

    # --- seed files ------------------------------------------------------------------------

    def read_seed(self):
        # RU is looked up at call time, so that replacing it on this module (the tests do) takes effect.
        self.states, self.russian = read_seed_files(self.seed_dir, RU)

    # --- the load ----------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        self.read_seed()
        try:
            self.en = Locale.objects.get(language_code="en")
            self.ru = Locale.objects.get(language_code="ru")
        except Locale.DoesNotExist as exc:
            raise CommandError("Locales en and ru are missing: run `manage.py migrate` first.") from exc
        self.translator = RussianTranslator(self.ru, self.russian, self.stats, self.say)

        self.say("Taxonomy (regions, thematic areas, organisations)")
        self.regions = {
            spec["slug"]: self.snippet(Region, spec["slug"], {"name": spec["name"], "sort_order": index})
            for index, spec in enumerate(content.REGIONS)
        }
        self.areas = {
            spec["slug"]: self.snippet(ThematicArea, spec["slug"], {"name": spec["name"], "sort_order": index})
            for index, spec in enumerate(content.THEMATIC_AREAS)
        }
        self.organisations = {
            spec["slug"]: self.snippet(Organisation, spec["slug"], {"name": spec["name"], "acronym": spec["acronym"]})
            for spec in content.ORGANISATIONS
        }

        self.say("Home page and sections")
        home = self.home_page()
        projects_index = self.page(
            home,
            ProjectIndexPage,
            "projects",
            {**self.section("projects"), "show_in_menus": True},
            kind="Project index",
        )
        library = self.page(
            home,
            PublicationIndexPage,
            "library",
            {**self.section("library"), "show_in_menus": True},
            kind="Library",
        )
        countries_index = self.page(
            home,
            CountryIndexPage,
            "countries",
            {**self.section("countries"), "show_in_menus": True},
            kind="Country index",
        )
        about = content.ABOUT
        self.page(
            home,
            StandardPage,
            about["slug"],
            {
                "title": about["title"],
                "intro": about["intro"],
                "show_in_menus": True,
                "body": [("paragraph", RichText(_rich([paragraph]))) for paragraph in about["paragraphs"]],
            },
        )

        self.say(f"Participating states ({len(self.states)})")
        self.countries = {row["iso2"]: self.country(countries_index, row) for row in self.states}

        self.say("Projects")
        self.projects = {}
        for spec in content.PROJECTS:
            project = self.project(projects_index, spec)
            if spec is content.PP_TI:
                for pilot in content.PILOT_PROJECTS:
                    self.project(project, pilot)

        self.say("Library")
        for spec in content.PUBLICATIONS + content.OUTPUTS:
            self.publication(library, spec)

        self.translator.settle_sources()
        self.elapsed = time.monotonic() - started
        return self.stats

    # --- snippets ------------------------------------------------------------------------------

    def snippet(self, model, slug, fields):
        kind = model._meta.verbose_name_plural.capitalize()
        with transaction.atomic():
            obj = model.objects.filter(locale=self.en, slug=slug).first()
            if obj is None:
                obj = model.objects.create(locale=self.en, slug=slug, **fields)
                status = "created"
            elif any(getattr(obj, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(obj, name, value)
                obj.save()
                status = "updated"
            else:
                status = "unchanged"
            self.stats.add(kind, status)
            self.say(f"  {kind}: {slug} {status}", 2)
            self.translator.translate(obj, kind)
        return obj

    # --- pages ---------------------------------------------------------------------------------

    def section(self, slug):
        return dict(content.SECTIONS[slug])

    def home_page(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage) or home.locale_id != self.en.id:
            home = HomePage.objects.filter(locale=self.en).order_by("path").first()
        if home is None:
            raise CommandError("No English HomePage: run `manage.py migrate` (home/migrations/0002 creates it).")
        if site is not None:
            self.site_address(site)
        with transaction.atomic():
            status = self.write_page(home, {"intro": content.HOME_INTRO}, {})
            home = HomePage.objects.get(pk=home.pk)
            self.stats.add("Home page", status)
            self.translator.translate(home, "Home page")
        return home

    def site_address(self, site):
        """The Site record holds the public address: pages, feeds and the sitemap all build URLs from it."""
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        if (site.hostname, site.port, site.site_name) != (address.hostname, port, settings.WAGTAIL_SITE_NAME):
            site.hostname, site.port, site.site_name = address.hostname, port, settings.WAGTAIL_SITE_NAME
            site.save()

    def page(self, parent, model, slug, fields, relations=None, *, kind=None, lookup=None):
        """Create or update the English page ``slug`` under ``parent`` (or found by ``lookup``), then translate it."""
        relations = relations or {}
        kind = kind or model._meta.verbose_name.capitalize()
        with transaction.atomic():
            existing = (lookup or Page.objects.child_of(parent).filter(slug=slug)).first()
            if existing is not None:
                existing = existing.specific
                if not isinstance(existing, model):
                    raise CommandError(
                        f"{existing.url_path} is a {type(existing).__name__}, expected a {model.__name__}: "
                        "move or delete it first."
                    )
                status = self.write_page(existing, fields, relations)
                page = existing
            else:
                page = model(slug=slug, locale=self.en, **fields)
                for name, (row_model, rows) in relations.items():
                    setattr(page, name, self.rows(row_model, rows))
                parent.add_child(instance=page)
                page.save_revision().publish()
                status = "created"
            # publish() saved another instance (the revision's): read the page back before translating it.
            page = model.objects.get(pk=page.pk)
            self.stats.add(kind, status)
            self.say(f"  {kind}: {page.title} {status}", 2)
            self.translator.translate(page, kind)
        return page

    def rows(self, row_model, rows):
        return [row_model(locale=self.en, sort_order=index, **row) for index, row in enumerate(rows)]

    def differs(self, page, name, value):
        current = getattr(page, name)
        if name == "body":  # a StreamField given as [(block type, RichText)]
            return [(block.block_type, block.value.source) for block in current] != [
                (block_type, rich_text.source) for block_type, rich_text in value
            ]
        return current != value

    def write_page(self, page, fields, relations):
        changed = [name for name, value in fields.items() if self.differs(page, name, value)]
        for name, (_row_model, rows) in relations.items():
            keys = list(rows[0]) if rows else []
            current = [{key: getattr(row, key) for key in keys} for row in getattr(page, name).all()]
            if current != rows:
                changed.append(name)
        if not changed and page.live and not page.has_unpublished_changes:
            return "unchanged"
        for name in changed:
            if name in relations:
                row_model, rows = relations[name]
                setattr(page, name, self.rows(row_model, rows))
            else:
                setattr(page, name, fields[name])
        page.save_revision().publish()
        return "updated"

    def country(self, parent, row):
        fields = {
            "title": row["name_en"],
            "iso_code": row["iso2"],
            "region_id": self.regions[row["region"]].pk,
            "name_variants": row["alt_names"],
            # The CSV's note is for editors ("never rendered on a public page"): internal only.
            "internal_note": row["note"],
        }
        return self.page(
            parent,
            CountryPage,
            slugify(row["name_en"]),
            fields,
            kind="Countries",
            lookup=CountryPage.objects.child_of(parent).filter(iso_code=row["iso2"]),
        )

    def project(self, parent, spec):
        start, start_precision = _date(spec["start"])
        end, end_precision = _date(spec["end"])
        fields = {
            "title": spec["title"],
            "acronym": spec["acronym"],
            "full_title": spec["full_title"],
            "summary": _rich(spec["summary"]),
            "start_date": start,
            "start_precision": start_precision,
            "end_date": end,
            "end_precision": end_precision,
        }
        partners = []
        for role, target, key, body_name in spec["partners"]:
            country = self.countries[key] if target == "country" else None
            organisation = self.organisations[key] if target == "organisation" else None
            partners.append(
                {
                    "role": role,
                    "country_id": country and country.pk,
                    "organisation_id": organisation and organisation.pk,
                    "body_name": body_name,
                }
            )
        relations = {
            "objectives": (ProjectObjective, [{"kind": kind, "text": text} for kind, text in spec["objectives"]]),
            "thematic_area_links": (
                ProjectThematicArea,
                [{"thematic_area_id": self.areas[slug].pk} for slug in spec["thematic_areas"]],
            ),
            "partners": (ProjectPartner, partners),
            "expected_results": (ProjectResult, [{"text": text} for text in spec["results"]]),
        }
        page = self.page(parent, ProjectPage, spec["slug"], fields, relations, kind="Projects")
        self.projects[spec["slug"]] = page
        return page

    def publication(self, parent, spec):
        model = PUBLICATION_MODELS[spec["type"]]
        fields = {"title": spec["title"], "summary": spec["summary"]}
        if "kind" in spec:
            fields["kind"] = spec["kind"]
        relations = {
            "project_links": (
                PublicationProject,
                [{"project_id": self.projects[slug].pk} for slug in spec["projects"]],
            ),
            "thematic_area_links": (
                PublicationThematicArea,
                [{"thematic_area_id": self.areas[slug].pk} for slug in spec["thematic_areas"]],
            ),
            "organisation_links": (
                PublicationOrganisation,
                [{"organisation_id": self.organisations[slug].pk} for slug in spec["organisations"]],
            ),
        }
        return self.page(parent, model, spec["slug"], fields, relations, kind="Publications")
