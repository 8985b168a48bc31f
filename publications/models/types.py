"""The publication types.  Each is a ``Publication``; only what differs is declared here."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import KeyFactBlock
from cms.dates import DatePrecision, format_partial_date
from cms.i18n import localize_pages

from ..blocks import PrincipleBlock, ThematicPriorityBlock
from .base import Publication, PublicationKind


class ActionPlanPage(Publication):
    """Thematic areas → numbered objectives → actions, each with an anchor for deep links."""

    fixed_kind = PublicationKind.ACTION_PLAN
    priorities = StreamField(
        [("thematic_area", ThematicPriorityBlock())], blank=True, verbose_name=_("thematic areas and actions")
    )

    content_panels = Publication.content_panels + [FieldPanel("priorities")]
    search_fields = Publication.search_fields + [index.SearchField("priorities")]
    api_fields = Publication.api_fields + [APIField("priorities")]

    class Meta:
        verbose_name = _("action plan")


class JointDeclarationPage(Publication):
    fixed_kind = PublicationKind.DECLARATION
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    adoption_date_precision = models.CharField(
        _("precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    adoption_place = models.CharField(_("place of adoption"), max_length=255, blank=True)
    principles = StreamField([("principle", PrincipleBlock())], blank=True, verbose_name=_("principles"))

    content_panels = Publication.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("adoption_date"), FieldPanel("adoption_date_precision")]),
                FieldPanel("adoption_place"),
            ],
            heading=_("Adoption"),
        ),
        InlinePanel("signatories", label=_("Signatory states")),
        FieldPanel("principles"),
    ]
    search_fields = Publication.search_fields + [index.SearchField("principles")]
    api_fields = Publication.api_fields + [
        APIField("adoption_date"),
        APIField("adoption_place"),
        APIField("principles"),
    ]

    class Meta:
        verbose_name = _("joint declaration")

    @property
    def adoption_date_display(self):
        return format_partial_date(self.adoption_date, self.adoption_date_precision)

    def signatory_states(self):
        return localize_pages([row.country for row in self.signatories.select_related("country")], self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["signatory_states"] = self.signatory_states()
        return context


class JointDeclarationSignatory(TranslatableMixin, Orderable):
    page = ParentalKey(JointDeclarationPage, on_delete=models.CASCADE, related_name="signatories")
    country = models.ForeignKey("countries.CountryPage", on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("country")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("signatory state")


class FactsheetPage(Publication):
    fixed_kind = PublicationKind.FACTSHEET
    key_facts = StreamField([("fact", KeyFactBlock())], blank=True, verbose_name=_("key facts and figures"))

    content_panels = Publication.content_panels + [FieldPanel("key_facts")]
    search_fields = Publication.search_fields + [index.SearchField("key_facts")]
    api_fields = Publication.api_fields + [APIField("key_facts")]

    class Meta:
        verbose_name = _("factsheet")


GUIDELINE_KINDS = [
    PublicationKind.GUIDELINES,
    PublicationKind.RECOMMENDATIONS,
    PublicationKind.HANDBOOK,
    PublicationKind.BEST_PRACTICES,
    PublicationKind.TRAINING_MODULE,
]
FIXED_KINDS = [PublicationKind.ACTION_PLAN, PublicationKind.DECLARATION, PublicationKind.FACTSHEET]


class GuidelinePage(Publication):
    """Guidelines, recommendations, handbooks, compilations of best practice, training modules."""

    content_panels = Page.content_panels + [FieldPanel("kind")] + Publication.content_panels[1:]

    class Meta:
        verbose_name = _("guideline or recommendation")

    def clean(self):
        super().clean()
        if self.kind not in GUIDELINE_KINDS:
            raise ValidationError(
                {"kind": _("Choose guidelines, recommendations, handbook, best practices or training module.")}
            )


class PublicationPage(Publication):
    """Any other kind of publication: report, policy brief, study ..."""

    content_panels = GuidelinePage.content_panels

    class Meta:
        verbose_name = _("other publication")

    def clean(self):
        super().clean()
        if self.kind in GUIDELINE_KINDS or self.kind in FIXED_KINDS:
            raise ValidationError({"kind": _("Use the dedicated page type for this kind of publication.")})
