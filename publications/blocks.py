"""Structured content of the Action Plan and the Joint Declaration: numbered, deep-linkable."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class ActionBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), help_text=_("e.g. '1.2.3'"))
    text = blocks.TextBlock(label=_("Action"))

    class Meta:
        icon = "tick"


class ObjectiveBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), help_text=_("e.g. '1.2'"))
    title = blocks.TextBlock(label=_("Objective"))
    actions = blocks.ListBlock(ActionBlock(), label=_("Actions"))

    class Meta:
        icon = "list-ol"


class ThematicPriorityBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"), help_text=_("e.g. '1'"))
    title = blocks.CharBlock(label=_("Thematic area"))
    introduction = blocks.TextBlock(required=False, label=_("Introduction"))
    objectives = blocks.ListBlock(ObjectiveBlock(), label=_("Objectives"))

    class Meta:
        icon = "folder-open-inverse"
        template = "blocks/thematic_priority_block.html"


class PrincipleBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Number"))
    text = blocks.TextBlock(label=_("Principle"))

    class Meta:
        icon = "list-ol"
