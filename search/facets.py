"""Facet keys (locale-independent) and their labels in the reader's language.

Keys: ``type`` = ``<app>.<Model>``, ``country`` = ISO code, ``region`` = region slug,
``thematic_area`` = thematic-area slug (synchronised across translations), ``year`` = the
publication year, ``language`` = the files' languages.  The engine gets them from the
``facet_*`` filter fields of the page models; the database strategy reads the same keys in
a few bulk queries (``keys_for_pages``).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

FACET_LABELS = {  # gettext_noop: extracted by makemessages, translated when shown
    "type": gettext_noop("Type"),
    "country": gettext_noop("Country"),
    "region": gettext_noop("Region"),
    "thematic_area": gettext_noop("Thematic area"),
    "year": gettext_noop("Year"),
    "language": gettext_noop("File language"),
}
CHUNK = 2000


def type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.label if model else ""


def type_content_type_ids(labels):
    from django.apps import apps

    ids = []
    for label in labels:
        try:
            ids.append(ContentType.objects.get_for_model(apps.get_model(label)).id)
        except (LookupError, ValueError):
            ids.append(-1)  # an unknown type matches nothing
    return ids


def _chunks(ids):
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def keys_for_pages(page_ids):
    """``{page_id: {"type": {..}, "country": {..}, ..., "date": sort key}}`` in ~9 queries per chunk."""
    from wagtail.models import Page

    from cms.models import Document  # noqa: F401 (app loaded)
    from countries.models import CountryPage, CountryProfileDocument
    from home.models import ProjectPartner, ProjectThematicArea
    from publications.models import Publication, PublicationCountry, PublicationFile, PublicationThematicArea

    keys = defaultdict(lambda: {name: set() for name in FACET_LABELS})
    dates = {}
    for ids in _chunks(page_ids):
        for pk, ct, published in Page.objects.filter(id__in=ids).values_list(
            "id", "content_type_id", "first_published_at"
        ):
            keys[pk]["type"].add(type_label(ct))
            dates[pk] = (None, published.date() if published else None)
        for pk, date in Publication.objects.filter(id__in=ids).values_list("id", "publication_date"):
            if date:
                keys[pk]["year"].add(str(date.year))
            dates[pk] = (date, dates.get(pk, (None, None))[1])
        for pk, iso, region in PublicationCountry.objects.filter(page_id__in=ids).values_list(
            "page_id", "country__iso_code", "country__region__slug"
        ):
            keys[pk]["country"].add(iso)
            if region:
                keys[pk]["region"].add(region)
        for pk, iso, region in ProjectPartner.objects.filter(page_id__in=ids, country__isnull=False).values_list(
            "page_id", "country__iso_code", "country__region__slug"
        ):
            keys[pk]["country"].add(iso)
            if region:
                keys[pk]["region"].add(region)
        for pk, iso, region in CountryPage.objects.filter(id__in=ids).values_list("id", "iso_code", "region__slug"):
            if iso:
                keys[pk]["country"].add(iso)
            if region:
                keys[pk]["region"].add(region)
        for model in (PublicationThematicArea, ProjectThematicArea):
            for pk, slug in model.objects.filter(page_id__in=ids).values_list("page_id", "thematic_area__slug"):
                keys[pk]["thematic_area"].add(slug)
        for model in (PublicationFile, CountryProfileDocument):
            for pk, lang in model.objects.filter(page_id__in=ids).values_list("page_id", "document__language"):
                keys[pk]["language"].add(lang)
    for pk, (pub_date, published) in dates.items():
        keys[pk]["date"] = (pub_date, published)
    return keys


NAMES_CACHE_SECONDS = 300  # a renamed state or theme shows its new name in facets within 5 minutes


def _names(language):
    """``{"country": {iso: name}, "region": {...}, "thematic_area": {...}}`` in ``language`` (else
    in any), cached: three queries a search were a tenth of its time."""
    from cms.models import Region, ThematicArea
    from countries.models import CountryPage

    key = f"search:facet-names:{language}"
    names = cache.get(key)
    if names is None:
        names = {}
        for slot, model, key_field, name_field in (
            ("country", CountryPage, "iso_code", "title"),
            ("region", Region, "slug", "name"),
            ("thematic_area", ThematicArea, "slug", "name"),
        ):
            names[slot] = {}
            rows = model.objects.values_list(key_field, name_field, "locale__language_code")
            for value, name, _code in sorted(rows, key=lambda row: row[2] != language):
                names[slot].setdefault(value, name)
        cache.set(key, names, NAMES_CACHE_SECONDS)
    return names


def label_facets(counts, locale_code):
    """``{facet: {key: count}}`` → ``{facet: [{"value", "label", "count"}, ...]}`` labelled in the reader's language."""
    from django.apps import apps

    from cms.languages import file_language_name

    language = "en" if locale_code == "all" else locale_code
    labels = {name: {} for name in FACET_LABELS}
    for label in counts.get("type", {}):
        try:
            labels["type"][label] = str(apps.get_model(label)._meta.verbose_name).capitalize()
        except (LookupError, ValueError):
            pass
    labels.update(_names(language))
    labels["language"] = {code: file_language_name(code, language) for code in counts.get("language", {})}
    result = {}
    for name in FACET_LABELS:
        items = [
            {"value": key, "label": labels[name].get(key, key), "count": count}
            for key, count in counts.get(name, {}).items()
            if count
        ]
        if name == "year":
            items.sort(key=lambda item: item["value"], reverse=True)
        else:
            items.sort(key=lambda item: (-item["count"], item["label"]))
        result[name] = items
    return result


def facet_title(name):
    return _(FACET_LABELS[name])
