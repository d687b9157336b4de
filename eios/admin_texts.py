"""What Wagtail's generic admin screens say about our models, in words Russian can use.

Wagtail composes «Add %(model_name)s», «%(model_name)s '%(object)s' created.» and the
like from a model's verbose_name. Only English survives that: Russian declines the noun
(«Добавить приказ», «Добавить строку») and the verb agrees with its gender («Приказ …
создан», «Платформа … создана»). So a viewset names its model's sentences whole, each a
catalogue entry the translator reads with its noun, and `SentencesViewSetMixin` gives
them to the viewset's views. Sentences that can do without the noun's case are worded
so in the catalogue instead (the form errors, the empty and not-found lists).

Values on inspect screens are shown as words, never as Python's True, False or None.
"""

from dataclasses import dataclass

from django.utils.functional import Promise, cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.panels import InlinePanel
from wagtail.admin.views import generic


@dataclass(frozen=True)
class ModelSentences:
    add: Promise  # the listing's button: «Add an order»
    new: Promise  # the title of the add screen: «New order»
    created: Promise  # «Order '%(object)s' created.»
    updated: Promise  # «Order '%(object)s' updated.»
    deleted: Promise  # «Order '%(object)s' deleted.»
    delete_question: Promise  # «Are you sure you want to delete this order?»


class _IndexSentences:
    @cached_property
    def add_item_label(self):
        return self.sentences.add


class _CreateSentences:
    def get_page_title(self):
        return self.sentences.new

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        *items, last = super().get_breadcrumbs_items()
        return [*items, {**last, "label": self.sentences.new}]

    # Snippets' views word their messages themselves: the method, not `success_message`.
    def get_success_message(self, instance=None):
        return capfirst(self.sentences.created % {"object": instance or self.object})


class _EditSentences:
    def get_success_message(self, instance=None):
        return capfirst(self.sentences.updated % {"object": instance or self.object})


class _DeleteSentences:
    def get_success_message(self):
        return capfirst(self.sentences.deleted % {"object": self.object})

    @property
    def confirmation_message(self):
        return self.sentences.delete_question


# Wagtail's generic views (snippets' views derive from them) and what each one says.
_SENTENCES = (
    (generic.IndexView, _IndexSentences),
    (generic.CreateView, _CreateSentences),
    (generic.EditView, _EditSentences),
    (generic.DeleteView, _DeleteSentences),
)


class SentencesViewSetMixin:
    """For a ModelViewSet or SnippetViewSet of a model without drafts (whose snippet
    views would announce publishing in their own words): its index, add, edit and delete
    views say the `sentences` of its model."""

    sentences: ModelSentences

    def construct_view(self, view_class, **kwargs):
        for generic_view, mixin in _SENTENCES:
            if issubclass(view_class, generic_view):
                view_class = type(
                    view_class.__name__, (mixin, view_class), {"sentences": self.sentences}
                )
                break
        return super().construct_view(view_class, **kwargs)


class ItemsPanel(InlinePanel):
    """An InlinePanel whose button names the item to add in the accusative
    («Добавить строку»), as the label alone cannot."""

    def __init__(self, *args, add_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_label = add_label

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_label": self.add_label}

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "eios/admin/items_panel.html"


class ReadableInspectMixin:
    """For inspect views: a yes-or-no field reads «да» or «нет», an empty one a dash."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        return value
