"""The library: one concrete base for every publication, so one query lists, filters and sorts all types."""

import datetime

from rest_framework import serializers

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.dates import DatePrecision, format_partial_date
from cms.i18n import for_reader, localize_pages
from cms.models import public_rows
from cms.reader_scope import READER_SCOPE_FIELD, ReaderScopedPage

from .. import citations
from ..feeds import LibraryAtomFeed, LibraryFeed
from ..library import SORTS, Library, file_languages


class PublicationKind(models.TextChoices):
    ACTION_PLAN = "action_plan", _("Action plan")
    DECLARATION = "declaration", _("Declaration")
    FACTSHEET = "factsheet", _("Factsheet")
    GUIDELINES = "guidelines", _("Guidelines")
    RECOMMENDATIONS = "recommendations", _("Recommendations")
    HANDBOOK = "handbook", _("Handbook")
    BEST_PRACTICES = "best_practices", _("Compilation of best practices")
    TRAINING_MODULE = "training_module", _("Training module")
    REPORT = "report", _("Report")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    STUDY = "study", _("Study")
    OTHER = "other", _("Other publication")


class PublicationIndexPage(ReaderScopedPage, RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "publications.ActionPlanPage",
        "publications.JointDeclarationPage",
        "publications.FactsheetPage",
        "publications.GuidelinePage",
        "publications.PublicationPage",
    ]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [READER_SCOPE_FIELD, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("publication library")

    PAGE_SIZE = 20

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Every publication once: in this language where translated, otherwise in another one.
        library = Library(self, request.GET)
        facets = library.facets()
        paginator = Paginator(library.publications(), self.PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
        items = list(page_obj.object_list)
        languages = file_languages(items, library.private_collections)
        for item in items:
            item.file_languages = languages.get(item.pk, [])
        page_obj.object_list = items
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            library=library,
            facets=facets,
            active_filters=library.active(facets),
            sorts=SORTS.items(),
            page_obj=page_obj,
            feed_query=query.urlencode(),
            rss_url=self.reverse_subpage("feed_rss"),
            atom_url=self.reverse_subpage("feed_atom"),
        )
        return context

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return LibraryFeed(self, request, self.reverse_subpage("feed_rss")).response()

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return LibraryAtomFeed(self, request, self.reverse_subpage("feed_atom")).response()


class Publication(ReaderScopedPage, RoutablePageMixin, Page):
    """Shared base of every publication type; never created directly."""

    kind = models.CharField(_("kind"), max_length=20, choices=PublicationKind.choices, default=PublicationKind.OTHER)
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    publication_date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )

    is_creatable = False
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    fixed_kind = None  # subclasses with one kind set it; the kind field is then hidden

    metadata_panels = [
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("publication_date_precision")]),
        InlinePanel("organisation_links", label=_("Publishing organisations")),
        InlinePanel("country_links", label=_("Countries covered")),
        InlinePanel("thematic_area_links", label=_("Thematic areas")),
        InlinePanel("project_links", label=_("Related projects")),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(metadata_panels, heading=_("Metadata")),
        InlinePanel("files", label=_("Files"), help_text=_("Each file has its own language.")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        READER_SCOPE_FIELD,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("related_names"),
        index.SearchField("translated_text"),
        index.SearchField("file_text"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("publication_date_precision"),  # the result's date as the page shows it
        index.FilterField("facet_countries"),
        index.FilterField("facet_regions"),
        index.FilterField("facet_thematic_areas"),
        index.FilterField("facet_year"),
        index.FilterField("facet_languages"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("publication_date"),
        APIField("publication_date_precision"),
        # Only files anyone may open, described for readers (a private collection's file is left out).
        APIField("files", serializer=serializers.ReadOnlyField(source="api_files")),
    ]

    class Meta:
        verbose_name = _("publication")

    def save(self, *args, **kwargs):
        if self.fixed_kind:
            self.kind = self.fixed_kind
        super().save(*args, **kwargs)

    @property
    def date_display(self):
        return format_partial_date(self.publication_date, self.publication_date_precision)

    @property
    def kind_label(self):
        return PublicationKind(self.kind).label if self.kind in PublicationKind.values else ""

    @staticmethod
    def describe_indexed(values):
        """``{"type_label", "date", "date_display"}`` of a search result from its index entry's
        values (``kind``, ``publication_date``, ``publication_date_precision``), as the page's own
        ``kind_label`` and ``date_display`` would give them."""
        kind, date = values.get("kind"), values.get("publication_date")
        date = datetime.date.fromisoformat(date[:10]) if date else None
        precision = values.get("publication_date_precision") or DatePrecision.DAY
        return {
            "type_label": PublicationKind(kind).label if kind in PublicationKind.values else "",
            "date": date,
            "date_display": format_partial_date(date, precision),
        }

    def related_projects(self):
        return localize_pages([link.project for link in self.project_links.select_related("project")], self.locale)

    def countries_covered(self):
        return localize_pages([link.country for link in self.country_links.select_related("country")], self.locale)

    def api_files(self):
        return [
            {
                "id": row.document_id,
                "title": row.label or row.document.title,
                "url": row.document.url,
                "language": row.document.language,
                "format": row.document.format,
                "size": row.document.file_size,
                "pages": row.document.page_count,
            }
            for row in self.file_rows()
        ]

    def file_rows(self):
        """The files readers may open (a file in a private collection is not listed)."""
        return public_rows(self.files.select_related("document"))

    # Read by the search index (search/): text in the page's language, locale-independent facet keys.
    # They read relations with .all(), so the batches built by get_indexed_objects() are prefetched.
    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .prefetch_related(
                "files__document",
                "country_links__country__region",
                "thematic_area_links__thematic_area",
                "organisation_links__organisation",
                "project_links__project",
            )
        )

    # What a search result reads: the file rows with their documents (for the file languages and a
    # snippet from the file text), not the links indexing needs (``search.service.load_pages``).
    search_result_prefetch = ("files__document",)
    search_file_rows = "files"  # the file rows search quotes and lists languages from (search.service)

    def _indexed_files(self):
        return public_rows(self.files.all())

    def translated_text(self):
        """Title and summary of the live translations: a query in either language finds any version."""
        rows = Publication.objects.filter(translation_key=self.translation_key, live=True).public().exclude(pk=self.pk)
        return "\n".join(part for row in rows.values_list("title", "summary") for part in row if part)

    def related_names(self):
        names = [
            page.title for page in localize_pages([link.country for link in self.country_links.all()], self.locale)
        ]
        projects = localize_pages([link.project for link in self.project_links.all()], self.locale)
        names += [f"{page.title} {getattr(page, 'acronym', '')}" for page in projects]
        names += [link.thematic_area.name for link in self.thematic_area_links.all()]
        names += [str(link.organisation) for link in self.organisation_links.all()]
        return "\n".join(names)

    def file_text(self):
        # Capped as a whole too: PostgreSQL refuses a tsvector over 1 MB, whatever the file count.
        text = "\n".join(row.document.search_text for row in self._indexed_files())
        return text[: settings.SEARCH_TEXT_MAX_CHARS]

    def facet_countries(self):
        return sorted({link.country.iso_code for link in self.country_links.all()})

    def facet_regions(self):
        return sorted({link.country.region.slug for link in self.country_links.all() if link.country.region_id})

    def facet_thematic_areas(self):
        return sorted({link.thematic_area.slug for link in self.thematic_area_links.all()})

    def facet_year(self):
        return [str(self.publication_date.year)] if self.publication_date else []

    def facet_languages(self):
        return sorted({row.document.language for row in self._indexed_files()})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = self.related_projects()
        context["countries"] = self.countries_covered()
        context["organisations"] = [
            link.organisation for link in self.organisation_links.select_related("organisation")
        ]
        context["thematic_areas"] = [
            link.thematic_area for link in self.thematic_area_links.select_related("thematic_area")
        ]
        context["file_rows"] = self.file_rows()
        context["related_publications"] = self.related_publications(context["projects"], context["thematic_areas"])
        context["citation"] = self.citation(request, context["organisations"])
        context["citation_apa"] = citations.apa(context["citation"])
        # Braces as entities: BibTeX's {{...}} must not read as an unrendered template tag in the HTML.
        context["citation_bibtex"] = mark_safe(
            escape(citations.bibtex(context["citation"])).replace("{", "&#123;").replace("}", "&#125;")
        )
        context["cite_ris_path"] = self.reverse_subpage("cite_ris")
        context["cite_bibtex_path"] = self.reverse_subpage("cite_bibtex")
        context["permalink"] = self.get_site().root_url + reverse("permalink", args=[self.pk])
        return context

    def related_publications(self, projects, thematic_areas, limit=6):
        """Other publications of the same projects or thematic areas, one version each, in the reader's locale."""
        project_keys = [project.translation_key for project in projects]
        area_slugs = [area.slug for area in thematic_areas]
        if not project_keys and not area_slugs:
            return []
        related = (
            Publication.objects.live()
            .public()
            .filter(
                Q(project_links__project__translation_key__in=project_keys)
                | Q(thematic_area_links__thematic_area__slug__in=area_slugs)
            )
            .exclude(translation_key=self.translation_key)
        )
        return list(for_reader(related, self.locale).distinct().order_by("-publication_date", "title")[:limit])

    def citation(self, request, organisations=None):
        if organisations is None:
            organisations = [link.organisation for link in self.organisation_links.select_related("organisation")]
        return citations.citation_data(self, self.get_full_url(request), organisations)

    @path("cite/ris/", name="cite_ris")
    def cite_ris(self, request):
        return self._download(citations.ris(self.citation(request)), "application/x-research-info-systems", "ris")

    @path("cite/bibtex/", name="cite_bibtex")
    def cite_bibtex(self, request):
        return self._download(citations.bibtex(self.citation(request)), "application/x-bibtex", "bib")

    def _download(self, text, content_type, extension):
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response


class PublicationFile(TranslatableMixin, Orderable):
    """One file of a publication; its language is the document's own, whatever the page's locale."""

    page = ParentalKey(Publication, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("cms.Document", on_delete=models.PROTECT, related_name="+")
    label = models.CharField(_("label"), max_length=255, blank=True, help_text=_("Optional, e.g. 'Annex I'."))

    panels = [FieldPanel("document"), FieldPanel("label")]
    api_fields = [APIField("document"), APIField("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("file")


class PublicationOrganisation(TranslatableMixin, Orderable):
    page = ParentalKey(Publication, on_delete=models.CASCADE, related_name="organisation_links")
    organisation = models.ForeignKey("cms.Organisation", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("publishing organisation")


class PublicationCountry(TranslatableMixin, Orderable):
    page = ParentalKey(Publication, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey("countries.CountryPage", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("country")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("country covered")


class PublicationThematicArea(TranslatableMixin, Orderable):
    page = ParentalKey(Publication, on_delete=models.CASCADE, related_name="thematic_area_links")
    thematic_area = models.ForeignKey("cms.ThematicArea", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("thematic_area")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("thematic area")


class PublicationProject(TranslatableMixin, Orderable):
    page = ParentalKey(Publication, on_delete=models.CASCADE, related_name="project_links")
    project = models.ForeignKey("home.ProjectPage", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("project")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("related project")
