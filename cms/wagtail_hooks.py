from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# Imported for their hooks: the translators' locale rule, the termbase and translation status reports,
# the dashboard panel.
from . import editing, termbase_views, translation_panel, translation_report_views, translator_hooks  # noqa: F401
from .models import Organisation, Region, Term, ThematicArea


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class ThematicAreaViewSet(SnippetViewSet):
    model = ThematicArea
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "locale"]
    search_fields = ["name", "acronym"]


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "openquote"
    list_display = ["english", "russian"]
    search_fields = ["english", "russian"]


register_snippet(RegionViewSet)
register_snippet(ThematicAreaViewSet)
register_snippet(OrganisationViewSet)
register_snippet(TermViewSet)


@hooks.register("register_admin_viewset")  # after Wagtail's own (order -1), so it takes the Page entry
def register_serialised_page_editing():
    return editing.SerialisedPageViewSet(name="serialised_pages")
