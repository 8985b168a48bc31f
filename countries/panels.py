"""The endorsement history in the profile's edit form: shown, never edited (the workflow writes it)."""

from wagtail.admin.panels import Panel


class EndorsementHistoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "countries/admin/endorsement_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["events"] = (
                list(page.endorsement_history.select_related("actor").all()[:50]) if page and page.pk else []
            )
            return context
