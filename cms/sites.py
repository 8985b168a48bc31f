"""The request's Wagtail site, found once and kept in the cache until a site or a root page changes.

Wagtail looks the site up for every request that builds a URL or reads the site's settings
(``Site.find_for_request``): an annotated query on ``wagtailcore_site`` joined to the root page,
which cost 4 to 8 ms of every search request, more than the rest of the request cycle.  Which
site answers a host and port changes only when an editor edits a site, or the root page of one
(its slug, its locale).  ``CachedSiteMiddleware`` keeps Wagtail's own answer
(``Site._find_for_request``, so the matching rules stay Wagtail's) in Django's cache, under a
generation that every such change moves on: the next request sees it, as Wagtail's own cache of
the sites' root paths does.
"""

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.signals import post_page_move

GENERATION_KEY = "cms:sites:generation"
TIMEOUT = 3600  # as Wagtail's cache of the sites' root paths
_NONE = "none"  # no site answers this host (cached too: a stray host name costs one look-up)


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, None)
    return generation


def forget_sites():
    """Every cached answer is dropped: the next request looks its site up again."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # nothing cached yet, or evicted: older keys cannot be reached again anyway
        cache.set(GENERATION_KEY, 1, None)


def find_site(request):
    """Wagtail's site for ``request`` (or None), from the cache when it holds the answer.  Only a
    host name the project allows is looked up (``DisallowedHost`` otherwise): a stray Host header
    never fills the cache."""
    hostname = split_domain_port(request.get_host())[0]
    key = f"cms:site:{_generation()}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        cache.set(key, site if site is not None else _NONE, TIMEOUT)
    return None if site == _NONE else site


class CachedSiteMiddleware:
    """Gives each request its site (``request._wagtail_site``, where Wagtail keeps it for the
    request) from ``find_site``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request._wagtail_site = find_site(request)
        except DisallowedHost:  # answered 400 by Django further on, as without this middleware
            pass
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _site_changed(sender, **kwargs):
    forget_sites()


@receiver(post_save)
@receiver(post_delete)
@receiver(post_page_move)
def _root_page_changed(sender, instance, **kwargs):
    # a site's root page is at depth 2 (its translations too); the cached site holds a copy of it
    if isinstance(instance, Page) and instance.depth is not None and instance.depth <= 2:
        forget_sites()
