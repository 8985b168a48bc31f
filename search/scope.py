"""Which version of each page a reader sees: one per translation, in their language if live.

A reader of locale L sees every live public page in L, plus, for each translation that has
no live page in L, the version in the first fallback locale that has one (English first; a
version behind a view restriction counts as missing, so its public versions stand in for it),
so a Russian-only output is still found by English readers and an untranslated English
publication by Russian readers (marked ``lang="en"``).  ``locale=all`` is the same view with
English preferred.  Both backends apply this scope as a filter *before* counting, so counts,
facets and pages all speak about one result per publication.

The database backends ask the database which pages stand in for missing translations
(``Scope.fallback_ids``).  The engines read it from each page's own index entry
(``reader_codes``, a filter field): a page knows which readers it is shown to, and publishing or
unpublishing a translation re-indexes the other versions (``signals.reindex_translations``), and
so does a view restriction added to or taken off a version (``translated_text`` quotes only public
ones).  A
list of the thousands of fallback pages in every engine query cost more than the rest of the
query did.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from . import versions

FALLBACK_CACHE_SECONDS = 60
PREFERENCE = {"en": ["en", "ru"], "ru": ["ru", "en"], "all": ["en", "ru"]}


@dataclass
class Scope:
    ordered: list  # the reader's locale ids, preferred first (every live page in the first is in scope)
    private_ids: list  # pages behind a view restriction: never in public results
    reader: str = ""  # the reader's code in PREFERENCE ("en", "ru", "all"): what ``reader_codes`` lists
    # collections behind a view restriction, with everything below them: their files are not
    # public (``cms.models.documents.restricted_collection_ids``, read with the rest); None: not read
    private_collection_ids: frozenset | None = None
    _fallback_ids: list | None = field(default=None, repr=False)

    @property
    def locale_id(self):
        """The preferred locale, or None when none of the reader's languages exists."""
        return self.ordered[0] if self.ordered else None

    @property
    def fallback_ids(self):
        """Pages of other locales standing in for missing translations (read when first asked:
        the engines filter on ``reader_codes`` instead)."""
        if self._fallback_ids is None:
            self._fallback_ids = cached_fallback_ids(self.ordered) if self.ordered else []
        return self._fallback_ids

    def queryset(self):
        pages = Page.objects.filter(live=True, depth__gt=2).exclude(id__in=self.private_ids)
        from django.db.models import Q

        return pages.filter(Q(locale_id=self.locale_id) | Q(id__in=self.fallback_ids))


def _fallback_ids(ordered):
    live = Page.objects.filter(live=True, depth__gt=2)
    public = live.public()  # a private translation is no reader's version: its public ones stand in
    fallback_ids, covered = [], [ordered[0]]
    for locale_id in ordered[1:]:
        # pages in this locale whose translation is live and public in none of the preferred locales before it
        better = public.filter(translation_key=OuterRef("translation_key"), locale_id__in=covered)
        fallback_ids += list(live.filter(locale_id=locale_id).filter(~Exists(better)).values_list("id", flat=True))
        covered.append(locale_id)
    return fallback_ids


def cached_fallback_ids(ordered):
    """The fallback pages are the costly part (an anti-join over every live page): kept until the
    live pages change, and a minute at most."""
    key = f"search:fallback-ids:{'-'.join(map(str, ordered))}:{versions.get('pages')}"
    fallback_ids = cache.get(key)
    if fallback_ids is None:
        fallback_ids = _fallback_ids(ordered)
        cache.set(key, fallback_ids, FALLBACK_CACHE_SECONDS)
    return fallback_ids


def reader(locale_code):
    return locale_code if locale_code in PREFERENCE else "all"


def reader_codes(page, live_languages):
    """The readers (codes of PREFERENCE) to whom ``page`` is the version shown, given the
    languages its translation is live and public in (its own included): its own language's readers, and
    those of each language it stands in for (no live version in one they prefer to it)."""
    own = page.locale.language_code
    if not page.live or own not in live_languages:
        return []
    codes = []
    for code, preferred in PREFERENCE.items():
        if own in preferred and not any(lang in live_languages for lang in preferred[: preferred.index(own)]):
            codes.append(code)
    return codes


def build_scope(locale_code):
    """The reader's scope, with the private pages and collections as they are now.  Read in one
    statement (PostgreSQL or SQLite: ``AGGREGATE``), with the versions the search's caches key on
    (``versions.wanted``): four round trips were a tenth of a search's time at 10,000 publications."""
    codes = PREFERENCE.get(locale_code, ["en", "ru"])
    version_parts = versions.statements(versions.wanted())
    quote, agg = connection.ops.quote_name, AGGREGATE[connection.vendor]
    locale, page = quote(Locale._meta.db_table), quote(Page._meta.db_table)
    page_rule, collection = quote(PageViewRestriction._meta.db_table), quote(Collection._meta.db_table)
    collection_rule = quote(CollectionViewRestriction._meta.db_table)
    below = "SUBSTR(x.path, 1, LENGTH(top.path)) = top.path"  # a tree path starts with its ancestors'
    code_and_id = "l.language_code || ':' || CAST(l.id AS TEXT)"
    columns = [
        f"SELECT {agg.format(code_and_id)} FROM {locale} l WHERE l.language_code IN ({', '.join(['%s'] * len(codes))})",
        f"SELECT {agg.format('CAST(x.id AS TEXT)')} FROM {page_rule} r JOIN {page} top ON top.id = r.page_id"
        f" JOIN {page} x ON {below}",
        f"SELECT {agg.format('CAST(x.id AS TEXT)')} FROM {collection_rule} r"
        f" JOIN {collection} top ON top.id = r.collection_id JOIN {collection} x ON {below}",
        *(sql for _name, sql in version_parts),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({sql})" for sql in columns), codes)
        locales_found, pages_found, collections_found, *version_values = cursor.fetchone()
    versions.prime(versions.parse(version_parts, version_values))
    locales = dict(item.rsplit(":", 1) for item in _items(locales_found))
    ordered = [int(locales[code]) for code in codes if code in locales]
    private_ids = sorted({int(pk) for pk in _items(pages_found)})
    private_collections = frozenset(int(pk) for pk in _items(collections_found))
    return Scope(ordered, private_ids, reader(locale_code), private_collection_ids=private_collections)


# The string aggregate of each database the project runs on: the scope's lists in a single row.
AGGREGATE = {"postgresql": "STRING_AGG({}, ',')", "sqlite": "GROUP_CONCAT({}, ',')"}


def _items(aggregated):
    """The items of a string aggregate (NULL when there were none)."""
    return [item for item in (aggregated or "").split(",") if item]
