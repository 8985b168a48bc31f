"""Compare what the database holds with what the search index holds, and repair the difference.

For every root indexed model (pages, documents, snippets): *missing* objects are in the
database but not in the index; *orphans* are in the index but gone from the database;
*stale* pages are indexed with an older ``last_published_at`` than the database has (on an
engine, where the indexed value can be read back).  Repair re-adds missing and stale objects
and removes orphans, in batches, synchronously (this is an operator's command, not a request).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from modelsearch.index import get_indexed_models
from modelsearch.utils import get_descendants_content_types_pks

BATCH = 500


@dataclass
class Report:
    label: str
    expected: int = 0
    indexed: int = 0
    missing: list = field(default_factory=list)
    orphans: list = field(default_factory=list)
    stale: list = field(default_factory=list)

    @property
    def clean(self):
        return not (self.missing or self.orphans or self.stale)


def root_models():
    models = get_indexed_models()
    return [m for m in models if not any(issubclass(m, other) and m is not other for other in models)]


def family(root):
    """The root model and every indexed subclass (Wagtail's Page indexes each type separately)."""
    return [model for model in get_indexed_models() if issubclass(model, root)]


def _expected(root):
    expected = {}
    for model in family(root):
        objects = model.get_indexed_objects()
        if hasattr(model, "last_published_at"):
            expected.update({str(pk): stamp for pk, stamp in objects.values_list("pk", "last_published_at")})
        else:
            expected.update({str(pk): None for pk in objects.values_list("pk", flat=True)})
    return expected


def _indexed_engine(backend, model):
    """``{doc id: last_published_at or None}`` by scrolling the model's index."""
    client, index = backend.es, backend.get_index_for_model(model).name
    if not client.indices.exists(index=index):
        return {}
    stamp_field = "last_published_at_filter"
    found = {}
    page = client.search(
        index=index, body={"query": {"match_all": {}}, "_source": [stamp_field], "size": 1000}, scroll="1m"
    )
    while page["hits"]["hits"]:
        for hit in page["hits"]["hits"]:
            found[hit["_id"]] = (hit.get("_source") or {}).get(stamp_field)
        page = client.scroll(scroll_id=page["_scroll_id"], scroll="1m")
    client.clear_scroll(scroll_id=page["_scroll_id"])
    return found


def _indexed_database(model):
    from wagtail.search.models import IndexEntry

    content_types = get_descendants_content_types_pks(model) + [ContentType.objects.get_for_model(model).pk]
    ids = IndexEntry.objects.filter(content_type_id__in=content_types).values_list("object_id", flat=True)
    return {str(pk): None for pk in ids}


def _same_time(indexed, actual):
    if indexed is None or actual is None:
        return indexed is None and actual is None
    from django.utils.dateparse import parse_datetime

    parsed = parse_datetime(indexed) if isinstance(indexed, str) else indexed
    return parsed is not None and abs((parsed - actual).total_seconds()) < 1


def check(backend, model):
    expected = _expected(model)
    engine = hasattr(backend, "es")
    indexed = _indexed_engine(backend, model) if engine else _indexed_database(model)
    report = Report(model._meta.label, expected=len(expected), indexed=len(indexed))
    report.missing = sorted(set(expected) - set(indexed), key=_numeric)
    report.orphans = sorted(set(indexed) - set(expected), key=_numeric)
    if engine and hasattr(model, "last_published_at"):
        report.stale = sorted(
            (pk for pk in set(expected) & set(indexed) if not _same_time(indexed[pk], expected[pk])), key=_numeric
        )
    return report


def repair(backend, model, report, progress=lambda done, total: None):
    todo = report.missing + report.stale
    objects = model._default_manager.all()
    for start in range(0, len(todo), BATCH):
        chunk = [obj.get_indexed_instance() for obj in objects.filter(pk__in=todo[start : start + BATCH])]
        by_model = {}
        for obj in chunk:
            if obj is not None:
                by_model.setdefault(type(obj), []).append(obj)
        for specific_model, items in by_model.items():
            backend.add_bulk(specific_model, items)
        progress(min(start + BATCH, len(todo)), len(todo))
    for pk in report.orphans:
        backend.delete(model(pk=int(pk) if pk.isdigit() else pk))
    if hasattr(backend, "es"):
        backend.get_index_for_model(model).refresh()


def _numeric(value):
    return (0, int(value)) if str(value).isdigit() else (1, str(value))
