"""Template helpers for the public site: language switcher, breadcrumbs, partial dates, listings.

Every helper runs a fixed number of queries, whatever the length of the list it renders.
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

from cms.dates import format_partial_date
from cms.i18n import for_reader, localize_pages
from cms.languages import file_language_name as _file_language_name
from cms.translation_status import is_fully_translated

register = template.Library()


def _language_name(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def _page_url(page, request):
    try:
        return page.get_url(request=request)
    except Exception:  # a page outside every site has no URL
        return None


@register.simple_tag(takes_context=True)
def language_links(context, page=None, request=None):
    """One entry per site language: ``code``, ``name`` (in that language), ``url``, ``current``,
    ``translated`` (a live translation of this page exists) and ``absolute_url``.

    Without a translation the link goes to that language's home page.  Without a page (search,
    error pages) the link is the same path under the other language prefix.
    """
    request = request or context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    codes = [code for code, _name in settings.LANGUAGES]
    translations = {}
    homes = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
            translations[translation.locale.language_code] = translation
        missing = [code for code in codes if code not in translations]
        if missing:
            home = context.get("nav_home")
            if home is None:
                site = page.get_site()
                home = site.root_page if site else None
            if home is not None:
                for translation in home.get_translations(inclusive=True).live().select_related("locale"):
                    homes[translation.locale.language_code] = translation
    links = []
    for code in codes:
        url = None
        translated = False
        if code in translations:
            url = _page_url(translations[code], request)
            # hreflang claims a language only where the translation is finished.
            translated = url is not None and is_fully_translated(translations[code])
        if url is None and code in homes:
            url = _page_url(homes[code], request)
        if url is None and request is not None:
            url = translate_url(request.path, code)
            if not isinstance(page, Page):
                translated = True
                query = request.GET.urlencode()
                if query:
                    url = f"{url}?{query}"
        if url is None:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": _language_name(code),
                "url": url,
                "absolute_url": absolute(url, request, page),
                "current": code == current,
                "translated": translated,
            }
        )
    return links


@register.simple_tag
def translation_incomplete(page):
    """True on a page whose translation is still in progress: the notice says so."""
    return isinstance(page, Page) and bool(page.pk) and not is_fully_translated(page)


def site_root_url(request=None, page=None):
    """The public address from the Site record, as pages, feeds and the sitemap all use it."""
    site = None
    if isinstance(page, Page) and page.pk:
        site = page.get_site()
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute(url, request=None, page=None):
    if url.startswith(("http://", "https://")):
        return url
    root = site_root_url(request, page)
    if not root and request is not None:
        return request.build_absolute_uri(url)
    return root + url


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None):
    request = context.get("request")
    if isinstance(page, Page) and page.pk:
        url = page.get_full_url(request)
        if url:
            return url
    return absolute(request.path, request) if request is not None else ""


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Ancestors below the locale's home page, in one query; the home page itself comes first."""
    request = context.get("request")
    crumbs = []
    if isinstance(page, Page) and page.pk and page.depth > 2:
        home = context.get("nav_home")
        if home is not None:
            crumbs.append({"title": home.title, "url": _page_url(home, request)})
        for ancestor in page.get_ancestors().filter(depth__gt=2):
            crumbs.append({"title": ancestor.title, "url": _page_url(ancestor, request)})
    return {"crumbs": crumbs, "page": page}


@register.filter
def partial_date(value, precision="day"):
    """``{{ page.start_date|partial_date:page.start_precision }}`` → "2012", "July 2011", "3 November 2011"."""
    return format_partial_date(value, precision or "day")


@register.simple_tag
def project_outputs(page):
    """The publications that name this project (in any locale), in the page's locale, newest first."""
    Publication = apps.get_model("publications", "Publication")
    named = Publication.objects.live().public().filter(project_links__project__translation_key=page.translation_key)
    return for_reader(named, page.locale).distinct().order_by("-publication_date", "title")


@register.simple_tag
def latest_publications(locale, count=5):
    Publication = apps.get_model("publications", "Publication")
    if not isinstance(locale, Locale):
        locale = Locale.objects.filter(language_code=str(locale)).first()
    if locale is None:
        return Publication.objects.none()
    publications = for_reader(Publication.objects.live().public(), locale)
    return publications.order_by("-publication_date", "-first_published_at")[: int(count)]


@register.simple_tag(takes_context=True)
def partners_with_links(context, page):
    """``page.partners_by_role()`` with each state linked to its country page in the reader's locale.

    Returns ``[(role_label, [{"name", "url", "row"}, ...]), ...]``; one extra query for the links.
    """
    request = context.get("request")
    groups = page.partners_by_role()
    countries = [
        row.country for _label, items in groups for _name, row in items if row.country_id and not row.organisation_id
    ]
    localized = {}
    for original, translated in zip(countries, localize_pages(countries, page.locale)):
        localized[original.pk] = translated
    result = []
    for label, items in groups:
        entries = []
        for name, row in items:
            url = None
            if row.country_id and not row.organisation_id and row.country_id in localized:
                url = _page_url(localized[row.country_id], request)
            elif row.organisation_id and row.organisation.website:
                url = row.organisation.website
            entries.append({"name": name, "url": url, "row": row, "external": bool(row.organisation_id)})
        result.append((label, entries))
    return result


@register.simple_tag
def objectives_by_kind(page):
    """``[(kind_label, [objective, ...]), ...]`` in the order overall → specific → other."""
    objectives = list(page.objectives.all())
    if not objectives:
        return []
    kinds = type(objectives[0]).Kind
    grouped = {}
    for objective in objectives:
        grouped.setdefault(objective.kind, []).append(objective)
    plurals = {
        "overall": _("Overall objectives"),
        "specific": _("Specific objectives"),
        "objective": _("Objectives"),
    }
    return [
        (plurals.get(kind, kinds(kind).label) if len(grouped[kind]) > 1 else kinds(kind).label, grouped[kind])
        for kind in kinds.values
        if kind in grouped
    ]


@register.simple_tag
def profile_documents(page):
    return page.profile_document_rows()


@register.simple_tag
def profile_sections(page):
    return list(page.sections.all())


@register.simple_tag
def profile_indicators(page):
    return list(page.indicators.all())


@register.simple_tag
def endorsement_history(page):
    """The steps that changed the profile's public status, newest first (written by the endorsement workflow)."""
    return list(page.public_endorsement_history())


@register.simple_tag(takes_context=True)
def paginate(context, items, per_page=20):
    request = context.get("request")
    paginator = Paginator(items, int(per_page))
    number = request.GET.get("page", 1) if request is not None else 1
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        return paginator.page(1)


@register.filter
def file_language_name(code):
    """A file's language named in the reader's language: "Czech" on English pages, "чешский" on Russian."""
    return _file_language_name(code) if code else ""


@register.filter
def language_name(code):
    return _language_name(code) if code else ""


@register.filter
def is_section_of(item, page):
    """True when ``page`` is ``item`` or one of its descendants (for ``aria-current`` in the menu)."""
    if not isinstance(item, Page) or not isinstance(page, Page):
        return False
    return page.path.startswith(item.path)


@register.filter
def model_name(obj):
    """``"actionplanpage"`` for an ActionPlanPage: a CSS hook on ``<body>``."""
    meta = getattr(obj, "_meta", None)
    return meta.model_name if meta else ""


@register.simple_tag
def localized_snippet(obj, locale):
    """A translatable snippet in ``locale`` (one query), or the object itself when untranslated."""
    if obj is None or not hasattr(obj, "translation_key") or not isinstance(locale, Locale):
        return obj
    if obj.locale_id == locale.id:
        return obj
    return type(obj).objects.filter(translation_key=obj.translation_key, locale=locale).first() or obj


_LOCALE_CODES = {}


@register.filter
def locale_code(locale_id):
    """``page.locale_id`` → "en": listings mark a fallback's language without a query per item.

    Locales are few and never renumbered, so the map is read once and again only for an unknown id.
    """
    if locale_id not in _LOCALE_CODES:
        _LOCALE_CODES.update(Locale.objects.values_list("id", "language_code"))
    return _LOCALE_CODES.get(locale_id, "")


@register.simple_tag(takes_context=True)
def site_root(context):
    return site_root_url(context.get("request"), context.get("page"))


@register.simple_tag
def meta_description(page, limit=160):
    """What a search engine or a shared link shows: the editor's description, else the page's own summary."""
    if not isinstance(page, Page):
        return ""
    text = page.search_description
    for name in ("summary", "intro", "full_title"):
        if text:
            break
        text = getattr(page, name, "") or ""
    text = " ".join(strip_tags(str(text)).split())
    return Truncator(text).chars(limit) if text else ""


_OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}


@register.filter
def og_locale(code):
    return _OG_LOCALES.get(code, code)
