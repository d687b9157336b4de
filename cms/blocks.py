"""Content blocks editors combine on ordinary pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"))
    # h1 belongs to the page title; only lower levels keep the heading order valid.
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("level")
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        label = _("heading")


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("documents"))

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_list.html"
        label = _("documents")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("text"))
    image = ImageBlock(label=_("image"))
    documents = DocumentListBlock()
    quote = blocks.BlockQuoteBlock(label=_("quote"))
