"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    anchor = blocks.CharBlock(
        required=False,
        label=_("Anchor"),
        help_text=_("Optional id for deep links, e.g. 'objective-3'."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class KeyFactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), help_text=_("e.g. '50'"))
    label = blocks.CharBlock(label=_("What it counts"), help_text=_("e.g. 'participating states'"))
    source = blocks.CharBlock(required=False, label=_("Source"))

    class Meta:
        icon = "pick"
        template = "blocks/key_fact_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul", "document-link"])
    image = ImageChooserBlock()
    document = DocumentChooserBlock()
    quote = QuoteBlock()

    class Meta:
        template = "blocks/body_block.html"
