"""Translators are confined to their own language, wherever the admin lets them change something.

Django permissions are per model and Wagtail's page permissions are per subtree, so the group
rights (cms.roles) already keep a translator out of the English page tree; what they cannot say is
"this snippet model, but only its Russian rows", and wagtail-localize checks the model only in its
snippet editor and its ``/admin/localize/`` endpoints.  This module adds the locale rule:

- ``confined_locales(user)`` is the set of language codes a translator may change, or ``None`` for
  everybody whose rights are not a translator's (their group rights decide alone);
- the hooks in cms.wagtail_hooks call ``deny_outside_locale`` at ``order=-1``, before
  wagtail-localize's own ``before_edit_*`` hooks (order 0) can render its editor;
- ``LocalizeGuardMiddleware`` wraps every ``wagtail_localize`` URL: translation endpoints are
  checked against the translation's target locale, and the bulk ones (submit, sync, stop, convert
  to alias) are the moderators'.

Denials raise ``PermissionDenied``: the admin answers 403.
"""

from django.core.exceptions import PermissionDenied

from wagtail.models import Page

from cms.roles import EDITORS, MODERATORS, target_languages, translator_group_name

# Groups whose rights are not confined to a locale (cms.roles grants them per subtree in every locale).
UNCONFINED_GROUPS = frozenset({EDITORS, MODERATORS})

# wagtail-localize URL names that act on a whole source or on the synchronisation itself.
MODERATOR_ONLY_ENDPOINTS = frozenset(
    {
        "submit_page_translation",
        "submit_snippet_translation",
        "update_translations",
        "stop_translation",
        "convert_to_alias",
    }
)


def confined_locales(user):
    """Language codes a translator may change; ``None`` when the user is not confined to any."""
    cached = getattr(user, "_confined_locales", False)
    if cached is not False:
        return cached
    locales = None
    if user.is_authenticated and not user.is_superuser:
        names = set(user.groups.values_list("name", flat=True))
        codes = frozenset(code for code in target_languages() if translator_group_name(code) in names)
        if codes and not names & UNCONFINED_GROUPS:
            locales = codes
    user._confined_locales = locales
    return locales


def in_allowed_locale(user, instance):
    """May ``user`` change ``instance`` as far as its locale goes?  Objects without a locale: yes."""
    locales = confined_locales(user)
    if locales is None:
        return True
    locale = getattr(instance, "locale", None)
    if locale is None:
        return True
    return locale.language_code in locales


def deny_outside_locale(request, instance):
    if not in_allowed_locale(request.user, instance):
        raise PermissionDenied


def deny_if_confined(request, *args, **kwargs):
    """For actions no translator takes, in any locale: structure, unpublishing, bulk work."""
    if confined_locales(request.user) is not None:
        raise PermissionDenied


class LocalizeGuardMiddleware:
    """Applies the locale rule to wagtail-localize's own endpoints, which check the model only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        if not hasattr(request, "user") or confined_locales(request.user) is None:
            return None
        if match.url_name in MODERATOR_ONLY_ENDPOINTS:
            raise PermissionDenied
        if "translation_id" in view_kwargs:
            from wagtail_localize.models import Translation

            translation = (
                Translation.objects.select_related("target_locale").filter(pk=view_kwargs["translation_id"]).first()
            )
            if translation is not None and translation.target_locale.language_code not in confined_locales(
                request.user
            ):
                raise PermissionDenied
        if "page_id" in view_kwargs:
            page = Page.objects.filter(pk=view_kwargs["page_id"]).select_related("locale").first()
            if page is not None:
                deny_outside_locale(request, page)
        return None
