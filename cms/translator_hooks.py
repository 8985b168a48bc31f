"""The locale rule (cms.translators) hooked into every admin view that changes a page or a snippet.

Registered at ``order=-1`` so they run before wagtail-localize's ``before_edit_page`` and
``before_edit_snippet`` (order 0), which would otherwise render its translation editor, checked
against the model only.  Revert is the edit view with a revision, so the edit hooks cover it.
Imported by cms.wagtail_hooks.
"""

from django.core.exceptions import PermissionDenied

from wagtail import hooks

from cms.translators import confined_locales, deny_if_confined, deny_outside_locale

FIRST = -1


@hooks.register("before_edit_page", order=FIRST)
def confine_page_edit(request, page):
    deny_outside_locale(request, page)


@hooks.register("before_edit_snippet", order=FIRST)
def confine_snippet_edit(request, instance):
    deny_outside_locale(request, instance)


@hooks.register("before_delete_snippet", order=FIRST)
def confine_snippet_delete(request, instances):
    for instance in instances:
        deny_outside_locale(request, instance)


@hooks.register("before_create_snippet", order=FIRST)
def confine_snippet_create(request, model):
    # A new row in a translatable model starts in the locale of the ?locale= parameter, English by default.
    locales = confined_locales(request.user)
    if hasattr(model, "locale") and locales is not None and request.GET.get("locale") not in locales:
        raise PermissionDenied


# The tree's structure follows the English one and is the editors'; unpublishing is the moderators'.
STRUCTURE_HOOKS = (
    "before_create_page",
    "before_delete_page",
    "before_copy_page",
    "before_move_page",
    "before_unpublish_page",
)
for hook_name in STRUCTURE_HOOKS:
    hooks.register(hook_name, deny_if_confined, order=FIRST)


# Bulk work (delete, publish, unpublish, move, ...) is the moderators' in every locale.
hooks.register("before_bulk_action", deny_if_confined, order=FIRST)
