"""Browsing the library: filters, counts and sort, all by the ORM.

Browsing is not searching: no text query, so the database answers it (content apps never import
``search/``).  Each facet is counted over the publications matching every *other* active filter, so
a reader can still switch a facet's value; values with no publication are not offered.  The cost is
one query per facet plus the listing, however many publications there are.

Filter values are locale-independent keys (ISO code, region and theme slugs, kind, year, file
language): a URL shared by an English reader filters the same set for a Russian one.
"""

from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from cms.i18n import descendants_for_reader
from cms.languages import FILE_LANGUAGES, file_language_name
from cms.models import restricted_collection_ids

FACETS = {
    "type": _("Type"),
    "country": _("Country"),
    "region": _("Region"),
    "theme": _("Thematic area"),
    "year": _("Year"),
    "language": _("File language"),
}
SORTS = {"date": _("Newest first"), "title": _("Title A–Z")}

# facet -> (relation lookup from Publication, how the value is read from a GET parameter)
LOOKUPS = {
    "type": "kind",
    "country": "country_links__country__iso_code",
    "region": "country_links__country__region__slug",
    "theme": "thematic_area_links__thematic_area__slug",
    "year": "publication_date__year",
    "language": "files__document__language",
}


def _model(name):
    return apps.get_model("publications", name)


class Library:
    """The library page's listing for one request: ``filters`` from the query string, ``locale`` of the reader."""

    def __init__(self, index_page, params, locale=None):
        self.index_page = index_page
        self.locale = locale or index_page.locale
        self.filters = {}
        for name in FACETS:
            value = (params.get(name) or "").strip()
            if value and (name != "year" or value.isdigit()):
                self.filters[name] = value
        self.sort = params.get("sort") if params.get("sort") in SORTS else "date"
        self._private = None

    @property
    def private_collections(self):
        if self._private is None:
            self._private = list(restricted_collection_ids())
        return self._private

    def base(self):
        # Built once: building it reads the index page's translations and the fallback locales.
        if not hasattr(self, "_base"):
            Publication = _model("Publication")
            self._base = descendants_for_reader(self.index_page, Publication.objects.live().public())
        return self._base.all()

    def _filtered(self, queryset, skip=None):
        for name, value in self.filters.items():
            if name == skip:
                continue
            if name == "language":
                # Only files a reader may open count: a private collection's file gives no language.
                queryset = queryset.filter(pk__in=self._with_file_language(value))
            else:
                queryset = queryset.filter(pk__in=queryset.model.objects.filter(**{LOOKUPS[name]: value}).values("pk"))
        return queryset

    def _with_file_language(self, language):
        PublicationFile = _model("PublicationFile")
        rows = PublicationFile.objects.filter(document__language=language)
        return rows.exclude(document__collection_id__in=self.private_collections).values("page_id")

    def publications(self):
        """The filtered, sorted listing (a queryset: the paginator slices it)."""
        queryset = self._filtered(self.base()).select_related("locale")
        if self.sort == "title":
            return queryset.order_by("title", "pk")
        # Undated last on every database (PostgreSQL puts NULLs first in a descending sort).
        return queryset.order_by(F("publication_date").desc(nulls_last=True), "title", "pk")

    # -- counts ----------------------------------------------------------------------------------
    def counts(self):
        """``{facet: {value: count}}`` with empty values left out."""
        PublicationCountry = _model("PublicationCountry")
        PublicationThematicArea = _model("PublicationThematicArea")
        PublicationFile = _model("PublicationFile")
        result = {}
        for name in FACETS:
            ids = self._filtered(self.base(), skip=name).values("pk")
            if name == "type":
                rows = _model("Publication").objects.filter(pk__in=ids).values_list("kind").annotate(n=Count("pk"))
            elif name == "year":
                rows = (
                    _model("Publication")
                    .objects.filter(pk__in=ids, publication_date__isnull=False)
                    .annotate(value=ExtractYear("publication_date"))
                    .values_list("value")
                    .annotate(n=Count("pk"))
                )
            elif name in ("country", "region"):
                field = "country__iso_code" if name == "country" else "country__region__slug"
                rows = (
                    PublicationCountry.objects.filter(page_id__in=ids, **{f"{field}__isnull": False})
                    .values_list(field)
                    .annotate(n=Count("page_id", distinct=True))
                )
            elif name == "theme":
                rows = (
                    PublicationThematicArea.objects.filter(page_id__in=ids)
                    .values_list("thematic_area__slug")
                    .annotate(n=Count("page_id", distinct=True))
                )
            else:
                rows = (
                    PublicationFile.objects.filter(page_id__in=ids)
                    .exclude(document__collection_id__in=self.private_collections)
                    .values_list("document__language")
                    .annotate(n=Count("page_id", distinct=True))
                )
            result[name] = {str(value): count for value, count in rows.order_by() if count}
        return result

    def facets(self):
        """``[{name, label, options: [{value, label, count, selected}]}]`` in the reader's language."""
        counts = self.counts()
        labels = self._labels(counts)
        facets = []
        for name, heading in FACETS.items():
            options = [
                {"value": value, "label": labels[name].get(value, value), "count": count}
                for value, count in counts[name].items()
            ]
            if name == "year":
                options.sort(key=lambda option: option["value"], reverse=True)
            else:
                options.sort(key=lambda option: str(option["label"]))
            selected = self.filters.get(name)
            if selected and not any(option["value"] == selected for option in options):
                options.insert(0, {"value": selected, "label": labels[name].get(selected, selected), "count": 0})
            for option in options:
                option["selected"] = option["value"] == selected
            if options:
                facets.append({"name": name, "label": heading, "options": options})
        return facets

    def _labels(self, counts):
        """Names in the reader's locale, one query per facet that needs one (falling back to English)."""
        from .models.base import PublicationKind

        CountryPage = apps.get_model("countries", "CountryPage")
        Region = apps.get_model("cms", "Region")
        ThematicArea = apps.get_model("cms", "ThematicArea")
        labels = {
            "type": {value: label for value, label in PublicationKind.choices},
            "year": {},
            "language": {code: file_language_name(code).capitalize() for code in FILE_LANGUAGES},
        }
        # Every name, not only the counted ones: the query count must not depend on which facets are empty.
        labels["country"] = self._by_locale(CountryPage.objects.live(), "iso_code", "title")
        labels["region"] = self._by_locale(Region.objects.all(), "slug", "name")
        labels["theme"] = self._by_locale(ThematicArea.objects.all(), "slug", "name")
        return labels

    def _by_locale(self, queryset, key, label):
        names = {}
        # The reader's locale last, so it wins over any other (with two locales: over English).
        rows = queryset.values_list(key, label, "locale_id").order_by()
        for value, name, _locale_id in sorted(rows, key=lambda row: row[2] == self.locale.pk):
            names[value] = name
        return names

    def query(self, **changes):
        """The query string of this view with ``changes`` (``None`` removes a key); the page number resets."""
        params = {**self.filters, **({"sort": self.sort} if self.sort != "date" else {})}
        params.update(changes)
        return urlencode({key: value for key, value in params.items() if value is not None})

    def active(self, facets):
        """The active filters with their labels and the query string that removes each."""
        labels = {f["name"]: {o["value"]: o["label"] for o in f["options"]} for f in facets}
        return [
            {
                "name": name,
                "heading": FACETS[name],
                "label": labels.get(name, {}).get(value, value),
                "remove_query": self.query(**{name: None}),
            }
            for name, value in self.filters.items()
        ]


def file_languages(publications, private_collections):
    """``{page_id: [language codes]}`` of the public files of ``publications``, in one query."""
    PublicationFile = _model("PublicationFile")
    ids = [page.pk for page in publications]
    rows = (
        PublicationFile.objects.filter(page_id__in=ids)
        .exclude(document__collection_id__in=private_collections)
        .values_list("page_id", "document__language")
        .distinct()
    )
    languages = {}
    for page_id, language in rows.order_by("page_id", "document__language"):
        languages.setdefault(page_id, []).append(language)
    return languages
