"""Write the seed content (English) and its Russian translation (through wagtail-localize) to the database.

Idempotent: every object is found again by a stable key (snippets by ``slug``, pages by ``slug`` under
their parent, participating states by ``iso_code``) and only written when it differs from the seed.
Only the fields the seed speaks about are managed; everything else an editor adds (files, dates,
profiles ...) is left alone.

Russian goes the way a translator's work goes: ``translate_object`` creates the Translation, the PO
export is filled from ``russian.py``, imported, and the target saved and published.  A string with no
Russian translation stops the load (``CommandError`` naming it) before anything English is published
as Russian.  Each object is written in its own transaction, so wagtail-localize's ``on_commit`` publishing
runs as the load goes.
"""

import csv
import html
import re
import time
from collections import defaultdict
from pathlib import Path

import polib

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

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

from . import SEED_TEXT_FILE, STATES_FILE, content
from .russian import RU

STATUSES = ("created", "updated", "unchanged")
STATE_COLUMNS = {"iso2", "name_en", "name_ru", "region", "alt_names", "note"}
PUBLICATION_MODELS = {
    "action_plan": ActionPlanPage,
    "joint_declaration": JointDeclarationPage,
    "factsheet": FactsheetPage,
    "guideline": GuidelinePage,
}
# The Russian home page is a sibling of the English one under the tree root, where slugs must be
# unique: it cannot be "home" (wagtail-localize would make it "home-1").
RUSSIAN_HOME_SLUG = "home-ru"


def _normalise(text):
    """Compare with the seed regardless of case, quotes, dashes (lost in the seed) and spacing."""
    text = re.sub(r"[\u2013\u2014\-\"'\u201c\u201d\u201e\u00ab\u00bb\u00b4\u2019\u2018]", "", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


def _escape(text):
    # wagtail-localize stores plain-text segments as minimally escaped HTML (BeautifulSoup output).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _date(value):
    if not value:
        return None, DatePrecision.YEAR
    return parse_partial_date(value)


def _rich(paragraphs):
    return "".join(f"<p>{_escape(paragraph)}</p>" for paragraph in paragraphs)


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
        self.parents = []

    # --- output ----------------------------------------------------------------------------

    def say(self, message, level=1):
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(message)

    # --- seed files ------------------------------------------------------------------------

    def read_seed(self):
        text_path = self.seed_dir / SEED_TEXT_FILE
        states_path = self.seed_dir / STATES_FILE
        for path in (text_path, states_path):
            if not path.is_file():
                raise CommandError(f"Seed file not found: {path}")

        seed_text = _normalise(text_path.read_text(encoding="utf-8"))
        missing = [quote for quote in content.VERBATIM if _normalise(quote) not in seed_text]
        if missing:
            raise CommandError(
                f"{text_path} no longer contains these sentences of home/seed/content.py: "
                + "; ".join(repr(quote) for quote in missing)
            )

        with states_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if not set(reader.fieldnames or []) >= STATE_COLUMNS:
                raise CommandError(f"{states_path} needs the columns {sorted(STATE_COLUMNS)}")
            states = [{key: (value or "").strip() for key, value in row.items()} for row in reader]

        region_codes = {region["slug"] for region in content.REGIONS}
        seen = set()
        for row in states:
            iso = row["iso2"].upper()
            if not re.fullmatch(r"[A-Z]{2}", iso) or iso in seen:
                raise CommandError(f"{states_path}: bad or repeated ISO code {row['iso2']!r}")
            if row["region"] not in region_codes:
                raise CommandError(f"{states_path}: {iso} has the unknown region {row['region']!r}")
            if not row["name_en"] or not row["name_ru"]:
                raise CommandError(f"{states_path}: {iso} needs name_en and name_ru")
            row["iso2"] = iso
            seen.add(iso)
        self.states = states

        self.russian = dict(RU)
        for row in states:
            known = self.russian.setdefault(row["name_en"], row["name_ru"])
            if known != row["name_ru"]:
                raise CommandError(f"{row['name_en']!r} is translated both {known!r} and {row['name_ru']!r}")

    # --- the load ----------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        self.read_seed()
        try:
            self.en = Locale.objects.get(language_code="en")
            self.ru = Locale.objects.get(language_code="ru")
        except Locale.DoesNotExist as exc:
            raise CommandError("Locales en and ru are missing: run `manage.py migrate` first.") from exc

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

        self.settle_sources()
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
            self.translate(obj, kind)
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
        with transaction.atomic():
            status = self.write_page(home, {"intro": content.HOME_INTRO}, {})
            home = HomePage.objects.get(pk=home.pk)
            self.stats.add("Home page", status)
            self.translate(home, "Home page")
        return home

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
            self.translate(page, kind)
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
            "status_note": row["note"],
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

    # --- Russian -------------------------------------------------------------------------------

    def settle_sources(self):
        """Refresh the translation sources of pages that gained children after they were translated.

        A TranslationSource stores the whole page, ``numchild`` included, so a parent translated before its
        children looks "changed" on the next run.  Bringing those sources up to date now keeps a second run
        at 0 updated.  The Russian parents are re-saved from identical strings (nothing visible changes).
        """
        for model, pk, kind in self.parents:
            page = model.objects.get(pk=pk)
            if page.numchild:
                self.translate(page, kind, count=False)

    def russian_for(self, obj, msgid, msgctxt):
        if msgctxt == "slug":  # page slugs stay Latin, like the English ones
            return RUSSIAN_HOME_SLUG if isinstance(obj, HomePage) else msgid
        russian = self.russian.get(html.unescape(msgid))
        return None if russian is None else _escape(russian)

    def translate(self, obj, kind, count=True):
        """Make (or bring up to date) the complete Russian translation of ``obj``; count it under "kind (ru)"."""
        if isinstance(obj, Page):
            obj = obj.specific
        label = f"{kind} (ru)"
        source = TranslationSource.objects.get_for_instance_or_none(obj)
        translation = source and Translation.objects.filter(source=source, target_locale=self.ru).first()
        if translation is None:
            translate_object(obj, [self.ru], user=None)
            source = TranslationSource.objects.get_for_instance(obj)
            translation = Translation.objects.get(source=source, target_locale=self.ru)
            status, save = "created", True
        else:
            before = source.last_updated_at
            source, _ = TranslationSource.update_or_create_from_instance(obj)
            save = source.last_updated_at != before
            status = "updated" if save else "unchanged"
            if not translation.enabled:
                translation.enabled = True
                translation.save(update_fields=["enabled"])
                save = True

        exported = translation.export_po()
        po = polib.POFile(wrapwidth=200)
        po.metadata = exported.metadata
        missing, strings_changed = [], False
        for entry in exported:
            if entry.obsolete:
                continue
            wanted = self.russian_for(obj, entry.msgid, entry.msgctxt)
            if wanted is None:
                missing.append(html.unescape(entry.msgid))
                continue
            strings_changed = strings_changed or entry.msgstr != wanted
            po.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=wanted))
        if missing:
            raise CommandError(
                f"No Russian translation in home/seed/russian.py for {len(missing)} string(s) of "
                f"{type(obj).__name__} {str(obj)!r}: " + "; ".join(repr(text) for text in missing)
            )
        if strings_changed:
            warnings = translation.import_po(po, translation_type="manual", tool_name="load_prague_process")
            if warnings:
                raise CommandError(f"PO import for {obj!r} reported: {warnings}")

        try:
            target = source.get_translated_instance(self.ru)
        except obj.__class__.DoesNotExist:
            target = None
        reasons = [
            name
            for name, flag in (
                ("source changed", save),
                ("strings changed", strings_changed),
                ("no target", target is None),
                ("target not live", isinstance(obj, Page) and target is not None and not target.live),
                (
                    "target has unpublished changes",
                    isinstance(obj, Page) and target is not None and target.has_unpublished_changes,
                ),
            )
            if flag
        ]
        if reasons:
            self.say(
                f"    Russian {type(obj).__name__} {str(obj)!r}: {status if status != 'unchanged' else 'updated'}"
                f" ({', '.join(reasons)})",
                2,
            )
            translation.save_target(user=None, publish=True)
            if status == "unchanged":
                status = "updated"

        total, translated = translation.get_progress()
        if total != translated:
            raise CommandError(f"Russian translation of {obj!r} is incomplete: {translated}/{total} strings")
        if count:
            self.stats.add(label, status)
        if isinstance(obj, Page) and count:
            self.parents.append((type(obj), obj.pk, kind))
        return status
