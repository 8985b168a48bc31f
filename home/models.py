"""The site's frame (home, standard pages) and the projects of the Prague Process."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.dates import PartialDateSpanMixin
from cms.i18n import children_for_reader, localize_pages
from cms.reader_scope import READER_SCOPE_FIELD, ReaderScopedPage


class HomePage(ReaderScopedPage, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ProjectIndexPage",
        "publications.PublicationIndexPage",
        "countries.CountryIndexPage",
    ]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [READER_SCOPE_FIELD, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.get_children().live().in_menu().specific()
        context["sections"] = sections
        return context


class StandardPage(ReaderScopedPage, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [READER_SCOPE_FIELD, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")


class ProjectIndexPage(ReaderScopedPage, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProjectPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [READER_SCOPE_FIELD, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("project index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = children_for_reader(self, ProjectPage.objects.live().public()).specific()
        return context


class ProjectPage(ReaderScopedPage, PartialDateSpanMixin, Page):
    """A project under the Prague Process umbrella; pilot projects are its children."""

    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    full_title = models.CharField(
        _("official title"), max_length=500, blank=True, help_text=_("The full official name, if it differs.")
    )
    summary = RichTextField(_("summary"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.ProjectIndexPage", "home.ProjectPage"]
    subpage_types = ["home.ProjectPage"]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("full_title")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_precision")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_precision")]),
            ],
            heading=_("Duration"),
            help_text=_("Keep the precision the source gives: a year, a month or a day."),
        ),
        InlinePanel("objectives", label=_("Objectives")),
        FieldPanel("summary"),
        InlinePanel("thematic_area_links", label=_("Thematic areas")),
        InlinePanel("partners", label=_("Partners by role")),
        InlinePanel("expected_results", label=_("Expected results")),
        FieldPanel("body"),
    ]
    search_result_prefetch = ("objectives", "expected_results")  # what a search result reads
    search_fields = Page.search_fields + [
        READER_SCOPE_FIELD,
        index.SearchField("acronym", boost=5),
        index.AutocompleteField("acronym"),
        index.SearchField("full_title", boost=2),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("objectives", [index.SearchField("text")]),
        index.RelatedFields("expected_results", [index.SearchField("text")]),
        index.SearchField("related_names"),
        index.SearchField("translated_text"),
        index.FilterField("facet_countries"),
        index.FilterField("facet_regions"),
        index.FilterField("facet_thematic_areas"),
    ]
    api_fields = [
        APIField("acronym"),
        APIField("full_title"),
        APIField("summary"),
        APIField("start_date"),
        APIField("start_precision"),
        APIField("end_date"),
        APIField("end_precision"),
        APIField("objectives"),
        APIField("partners"),
        APIField("expected_results"),
    ]

    class Meta:
        verbose_name = _("project")

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .prefetch_related(
                "objectives",
                "expected_results",
                "partners__country__region",
                "partners__organisation",
                "thematic_area_links__thematic_area",
            )
        )

    @property
    def display_title(self):
        return f"{self.title} ({self.acronym})" if self.acronym and self.acronym not in self.title else self.title

    @cached_property
    def parent_project(self):
        parent = self.get_parent().specific
        return parent if isinstance(parent, ProjectPage) else None

    def partners_by_role(self):
        """``[(role_label, [(name, partner_row), ...]), ...]`` in the reader's locale, in role order."""
        rows = list(self.partners.select_related("country", "organisation"))
        with_country = [row for row in rows if row.country_id]
        localized = dict(
            zip((row.pk for row in with_country), localize_pages([row.country for row in with_country], self.locale))
        )
        grouped = {}
        for row in rows:
            grouped.setdefault(row.role, []).append((row.display_name(localized.get(row.pk)), row))
        return [
            (role_heading(role, len(grouped[role])), grouped[role]) for role in PartnerRole.values if role in grouped
        ]

    # Read by the search index (search/): partner and theme names in the page's language, facet keys.
    def translated_text(self):
        """Titles of the live translations: a query in either language finds any version."""
        rows = ProjectPage.objects.filter(translation_key=self.translation_key, live=True).public().exclude(pk=self.pk)
        return "\n".join(part for row in rows.values_list("title", "full_title") for part in row if part)

    # Read for indexing: ``.all()`` uses the relations ``get_indexed_objects`` prefetches.
    def related_names(self):
        rows = list(self.partners.all())
        countries = localize_pages([row.country for row in rows if row.country_id], self.locale)
        names = [page.title for page in countries]
        names += [row.body_name for row in rows if row.body_name]
        names += [str(row.organisation) for row in rows if row.organisation_id]
        names += [link.thematic_area.name for link in self.thematic_area_links.all()]
        return "\n".join(names)

    def facet_countries(self):
        return sorted({row.country.iso_code for row in self.partners.all() if row.country_id})

    def facet_regions(self):
        rows = self.partners.all()
        return sorted({row.country.region.slug for row in rows if row.country_id and row.country.region_id})

    def facet_thematic_areas(self):
        return sorted({link.thematic_area.slug for link in self.thematic_area_links.all()})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pilot_projects"] = children_for_reader(self, ProjectPage.objects.live().public()).specific()
        context["thematic_areas"] = [
            link.thematic_area for link in self.thematic_area_links.select_related("thematic_area")
        ]
        return context


class ProjectObjective(TranslatableMixin, Orderable):
    class Kind(models.TextChoices):
        OVERALL = "overall", _("Overall objective")
        SPECIFIC = "specific", _("Specific objective")
        OBJECTIVE = "objective", _("Objective")

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="objectives")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OBJECTIVE)
    text = models.TextField(_("text"))

    panels = [FieldPanel("kind"), FieldPanel("text")]
    api_fields = [APIField("kind"), APIField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("objective")


class ProjectResult(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="expected_results")
    text = models.TextField(_("expected result"))

    panels = [FieldPanel("text")]
    api_fields = [APIField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("expected result")


class PartnerRole(models.TextChoices):
    LEAD_STATE = "lead_state", _("Lead state")
    SUPPORTING_STATE = "supporting_state", _("Supporting state")
    PARTICIPATING_STATE = "participating_state", _("Participating state")
    LEAD_AGENCY = "lead_agency", _("Lead agency")
    IMPLEMENTING_AGENCY = "implementing_agency", _("Implementing agency")
    DONOR = "donor", _("Donor")


# A heading over a list of partners agrees with its length ("Lead states" over Sweden and Germany).
# ngettext, not "singular if n == 1": Russian has more plural forms than English.
ROLE_HEADINGS = {
    PartnerRole.LEAD_STATE: lambda n: npgettext("partner role", "Lead state", "Lead states", n),
    PartnerRole.SUPPORTING_STATE: lambda n: npgettext("partner role", "Supporting state", "Supporting states", n),
    PartnerRole.PARTICIPATING_STATE: lambda n: npgettext(
        "partner role", "Participating state", "Participating states", n
    ),
    PartnerRole.LEAD_AGENCY: lambda n: npgettext("partner role", "Lead agency", "Lead agencies", n),
    PartnerRole.IMPLEMENTING_AGENCY: lambda n: npgettext(
        "partner role", "Implementing agency", "Implementing agencies", n
    ),
    PartnerRole.DONOR: lambda n: npgettext("partner role", "Donor", "Donors", n),
}


def role_heading(role, count):
    """The heading for ``count`` partners in ``role``, in the active language.

    The heading carries no number, so it agrees with "one" or "several", not with the digits: in
    Russian ngettext(21) would pick the "one" form ("21 донор"), wrong over a list of 21 donors.
    """
    return ROLE_HEADINGS[role](1 if count == 1 else 2)


# On a state's page: the projects where it has that role ("Lead state in 2 projects").
PROJECTS_AS = {
    PartnerRole.LEAD_STATE: lambda n: npgettext(
        "state page", "Lead state in %(count)s project", "Lead state in %(count)s projects", n
    ),
    PartnerRole.SUPPORTING_STATE: lambda n: npgettext(
        "state page", "Supporting state in %(count)s project", "Supporting state in %(count)s projects", n
    ),
    PartnerRole.PARTICIPATING_STATE: lambda n: npgettext(
        "state page", "Participating state in %(count)s project", "Participating state in %(count)s projects", n
    ),
    PartnerRole.LEAD_AGENCY: lambda n: npgettext(
        "state page",
        "Lead agency (through a state institution) in %(count)s project",
        "Lead agency (through a state institution) in %(count)s projects",
        n,
    ),
    PartnerRole.IMPLEMENTING_AGENCY: lambda n: npgettext(
        "state page", "Implementing agency in %(count)s project", "Implementing agency in %(count)s projects", n
    ),
    PartnerRole.DONOR: lambda n: npgettext(
        "state page", "Donor in %(count)s project", "Donor in %(count)s projects", n
    ),
}


def role_in_projects_heading(role, count):
    """Here the number is printed, so the Russian form follows it (21 проект, 22 проекта, 25 проектов)."""
    return PROJECTS_AS[role](count) % {"count": count}


class ProjectPartner(TranslatableMixin, Orderable):
    """One partner in one role: a participating state (CountryPage) or an Organisation."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    country = models.ForeignKey(
        "countries.CountryPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("state"),
    )
    organisation = models.ForeignKey(
        "cms.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    body_name = models.CharField(
        _("institution"),
        max_length=255,
        blank=True,
        help_text=_("A state institution acting for the state, e.g. 'Ministry of the Interior'."),
    )

    panels = [FieldPanel("role"), FieldPanel("country"), FieldPanel("organisation"), FieldPanel("body_name")]
    api_fields = [APIField("role"), APIField("country"), APIField("organisation"), APIField("body_name")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner")

    def clean(self):
        super().clean()
        if not self.country_id and not self.organisation_id:
            raise ValidationError(_("Choose a state or an organisation for each partner."))

    def display_name(self, country=None):
        country = country or self.country
        if self.organisation_id:
            return str(self.organisation)
        name = country.title if country else ""
        return f"{self.body_name}, {name}" if self.body_name else name


class ProjectThematicArea(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="thematic_area_links")
    thematic_area = models.ForeignKey("cms.ThematicArea", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("thematic_area")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("thematic area")
