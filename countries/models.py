"""Participating states and their migration profiles."""

from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.i18n import for_reader
from cms.models import public_rows
from cms.reader_scope import READER_SCOPE_FIELD, ReaderScopedPage

from .charts import indicator_charts
from .endorsement import Endorsement, EndorsementEvent, EndorsementTask, EndorsementTaskState
from .mapview import MAP_MODES, state_map
from .panels import EndorsementHistoryPanel

__all__ = ["EndorsementEvent", "EndorsementTask", "EndorsementTaskState"]


class ProfilePart(models.TextChoices):
    A = "A", _("A. Introduction")
    B = "B", _("B. Migration trends")
    C = "C", _("C. Migrant characteristics")
    D = "D", _("D. The labour market and migration")
    E = "E", _("E. Factors driving migration")
    F = "F", _("F. Migration policies and governance")
    G = "G", _("G. Evaluation of policies and impact of migration")


class CountryIndexPage(ReaderScopedPage, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["countries.CountryPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [READER_SCOPE_FIELD, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("participating states")

    def get_context(self, request, *args, **kwargs):
        from cms.models import Region

        context = super().get_context(request, *args, **kwargs)
        countries = list(CountryPage.objects.child_of(self).live().select_related("region").order_by("title"))
        regions = {region.translation_key: region for region in Region.objects.filter(locale=self.locale)}
        groups = {}
        for country in countries:
            region = country.region and regions.get(country.region.translation_key, country.region)
            groups.setdefault(region, []).append(country)
        context["region_groups"] = sorted(
            groups.items(), key=lambda item: (item[0] is None, item[0].sort_order if item[0] else 0)
        )
        context["countries"] = countries
        colour_by = request.GET.get("colour")
        context["colour_by"] = colour_by if colour_by in MAP_MODES else "region"
        context["map"] = state_map(countries, context["region_groups"], context["colour_by"])
        return context


class CountryPage(ReaderScopedPage, Page):
    """One participating state: its identity and its migration profile (parts A–G)."""

    class ProfileType(models.TextChoices):
        NONE = "", _("No profile yet")
        EXTENDED = "extended", _("Extended Migration Profile")
        LIGHT = "light", _("Migration Profile Light")

    Endorsement = Endorsement

    iso_code = models.CharField(
        _("ISO code"), max_length=2, unique=False, help_text=_("ISO 3166-1 alpha-2 (XK for Kosovo).")
    )
    region = models.ForeignKey(
        "cms.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    # Internal fields: they help search and editors, and no public page, feed or API ever shows them.
    # Aliases include historical, informal or disputed names, which must never read as the state's names.
    name_variants = models.TextField(
        _("search aliases (internal)"),
        blank=True,
        help_text=_("Other names that should find this state in search, separated by ';'. Never shown to readers."),
    )
    internal_note = models.TextField(
        _("internal data note"),
        blank=True,
        help_text=_("For editors: sources or status of this record. Never shown to readers."),
    )
    # Reader-facing: shown on the state's page only when an editor writes it for readers.
    reader_note = models.TextField(
        _("note for readers"), blank=True, help_text=_("Optional. Shown on the state's page under its name.")
    )
    summary = RichTextField(_("summary"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    profile_type = models.CharField(_("profile type"), max_length=10, choices=ProfileType.choices, blank=True)
    # Written by the endorsement workflow only (countries/endorsement.py): not in the edit form, not
    # synchronised by wagtail-localize (it skips non-editable fields) and kept out of revisions.
    endorsement_status = models.CharField(
        _("endorsement"),
        max_length=20,
        choices=Endorsement.choices,
        blank=True,
        editable=False,
    )
    endorsement_date = models.DateField(_("endorsement status since"), null=True, blank=True, editable=False)

    parent_page_types = ["countries.CountryIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("iso_code"), FieldPanel("region")]),
        FieldPanel("reader_note"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("profile_type"),
                FieldRowPanel(
                    [FieldPanel("endorsement_status", read_only=True), FieldPanel("endorsement_date", read_only=True)]
                ),
                EndorsementHistoryPanel(heading=_("Endorsement history")),
            ],
            heading=_("Migration profile"),
        ),
        InlinePanel("sections", label=_("Profile sections (parts A–G)")),
        InlinePanel("indicators", label=_("Indicators")),
        InlinePanel("profile_documents", label=_("Profile documents")),
        MultiFieldPanel(
            [FieldPanel("name_variants"), FieldPanel("internal_note")],
            heading=_("Internal (never shown to readers)"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("iso_code", overridable=False),
        # Internal fields are not for translators: one value serves every locale.
        SynchronizedField("name_variants", overridable=False),
        SynchronizedField("internal_note", overridable=False),
    ]
    # Searched but never quoted back: search/ builds no snippet or highlight from these.
    internal_search_fields = ("name_variants",)
    search_result_prefetch = ("sections",)  # what a search result reads (search.service.load_pages)
    search_file_rows = "profile_documents"  # the file rows search quotes and lists languages from
    search_fields = Page.search_fields + [
        READER_SCOPE_FIELD,
        index.SearchField("name_variants", boost=3),
        index.AutocompleteField("name_variants"),
        index.SearchField("summary"),
        index.FilterField("iso_code"),
        index.RelatedFields("sections", [index.SearchField("heading"), index.SearchField("body")]),
        index.SearchField("file_text"),
        index.FilterField("facet_countries"),
        index.FilterField("facet_regions"),
        index.FilterField("facet_languages"),
    ]
    api_fields = [
        APIField("iso_code"),
        APIField("region"),
        APIField("reader_note"),
        APIField("profile_type"),
        APIField("endorsement_status"),
        APIField("endorsement_date"),
        APIField("sections"),
        APIField("indicators"),
    ]

    class Meta:
        verbose_name = _("participating state")
        verbose_name_plural = _("participating states")

    def projects_by_role(self):
        """``[(heading, [project, ...])]``: the public projects where this state has a role, grouped by role.

        One version of each project (the reader's language where translated); three queries in all.
        """
        from home.models import PartnerRole, ProjectPage, ProjectPartner, role_in_projects_heading

        projects = for_reader(
            ProjectPage.objects.live().public().filter(partners__country__translation_key=self.translation_key),
            self.locale,
        ).distinct()
        by_key = {project.translation_key: project for project in projects.order_by("path")}
        rows = ProjectPartner.objects.filter(
            page__translation_key__in=list(by_key), country__translation_key=self.translation_key
        ).values_list("role", "page__translation_key")
        grouped = {}
        for role, key in rows.order_by("page__path", "sort_order"):
            if by_key[key] not in grouped.setdefault(role, []):
                grouped[role].append(by_key[key])
        return [
            (role_in_projects_heading(role, len(grouped[role])), grouped[role])
            for role in PartnerRole.values
            if role in grouped
        ]

    # Read by the search index (search/): profile documents' text and locale-independent facet keys.
    def profile_document_rows(self):
        return public_rows(self.profile_documents.select_related("document"))

    def file_text(self):
        text = "\n".join(row.document.search_text for row in self.profile_document_rows())
        return text[: settings.SEARCH_TEXT_MAX_CHARS]

    def facet_countries(self):
        return [self.iso_code] if self.iso_code else []

    def facet_regions(self):
        return [self.region.slug] if self.region_id else []

    def facet_languages(self):
        return sorted({row.document.language for row in self.profile_document_rows()})

    def publications_covering(self):
        from publications.models import Publication

        covering = (
            Publication.objects.live().public().filter(country_links__country__translation_key=self.translation_key)
        )
        return for_reader(covering, self.locale).distinct().order_by("-publication_date", "title")

    # Fields the endorsement workflow owns: a revision (old or new) never carries them back.
    WORKFLOW_OWNED_FIELDS = ("endorsement_status", "endorsement_date")

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.WORKFLOW_OWNED_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @property
    def current_workflow_state(self):
        # A lapsed profile is published while its endorsement stays open (endorsement.PublishWithinEndorsement).
        if getattr(self, "keep_workflow_on_publish", False):
            return None
        return super().current_workflow_state

    def public_endorsement_history(self):
        """The steps that changed the public status, for every locale (the log belongs to the source page)."""
        return EndorsementEvent.objects.filter(
            page__translation_key=self.translation_key, step__in=EndorsementEvent.PUBLIC_STEPS
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects_by_role"] = self.projects_by_role()
        context["indicators"] = indicators = list(self.indicators.all())
        context["indicator_charts"] = indicator_charts(indicators)
        # The library filtered to this state, and its feed: readers can follow one state's publications.
        library = apps.get_model("publications", "PublicationIndexPage").objects.live().filter(locale=self.locale)
        library = library.first()
        if library is not None:
            context["library_for_state"] = f"{library.url}?{urlencode({'country': self.iso_code})}"
            context["library_feed_for_state"] = f"{library.url}feed/rss/?{urlencode({'country': self.iso_code})}"
        context["publications"] = self.publications_covering()
        context["region"] = self.region
        return context


class ProfileSection(TranslatableMixin, Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="sections")
    part = models.CharField(_("part"), max_length=1, choices=ProfilePart.choices)
    heading = models.CharField(_("heading"), max_length=255, blank=True)
    body = RichTextField(_("text"), blank=True)

    panels = [FieldRowPanel([FieldPanel("part"), FieldPanel("heading")]), FieldPanel("body")]
    api_fields = [APIField("part"), APIField("heading"), APIField("body")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("profile section")


class Indicator(TranslatableMixin, Orderable):
    """One figure of a profile, with its year, unit and source; a data gap is recorded, not hidden."""

    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="indicators")
    part = models.CharField(_("part"), max_length=1, choices=ProfilePart.choices)
    indicator = models.CharField(_("indicator"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    data_gap = models.BooleanField(_("data gap"), default=False, help_text=_("No reliable figure is available."))

    panels = [
        FieldRowPanel([FieldPanel("part"), FieldPanel("indicator")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("data_gap")]),
    ]
    api_fields = [APIField(name) for name in ("part", "indicator", "year", "value", "unit", "source", "data_gap")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")


class CountryProfileDocument(TranslatableMixin, Orderable):
    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="profile_documents")
    document = models.ForeignKey("cms.Document", on_delete=models.PROTECT, related_name="+")
    label = models.CharField(_("label"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("profile document")
