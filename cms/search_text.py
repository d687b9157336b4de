"""What a page shows beyond its own text, for site search (SPEC §1).

Wagtail indexes the text of a StreamField but not what its chooser blocks point to, so a
page listing «Учебный план …» was not found by «учебный план». The titles and purposes of
the public documents a page lists, and the names of the platforms it names, are added to
its indexed text here. Documents of collections with «Privacy» are left out: a public page
must not be found by the words of a closed file's title.
"""

from collections.abc import Iterable, Iterator

from django.db import models
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from eios.access.documents import closed_collection_ids


def named_in(value, closed: frozenset[int]) -> Iterator[str]:
    """The titles of the documents and names of the platforms inside a StreamField value;
    `closed`: the collections under «Privacy»."""
    from .models import Platform

    if isinstance(value, AbstractDocument):
        if value.collection_id not in closed:
            yield value.title
            yield value.description
    elif isinstance(value, Platform):
        yield value.name
    elif isinstance(value, StreamValue):
        for child in value:
            yield from named_in(child.value, closed)
    elif isinstance(value, (StructValue, dict)):
        for item in value.values():
            yield from named_in(item, closed)
    elif isinstance(value, (ListValue, list, tuple)):
        for item in value:
            yield from named_in(item, closed)


def fields_text(page, names: Iterable[str]) -> str:
    """Everything the named fields of `page` hold: text, rich text less its markup,
    StreamFields with what they name, documents of ForeignKeys."""
    parts = []
    closed = closed_collection_ids(None)
    for name in names:
        field = page._meta.get_field(name)
        value = getattr(page, name)
        if value is None or value == "":
            continue
        if isinstance(field, StreamField):
            parts.extend(field.get_searchable_content(value))
            parts.extend(named_in(value, closed))
        elif isinstance(field, RichTextField):
            parts.append(get_text_for_indexing(value))
        elif isinstance(field, models.ForeignKey):
            parts.extend(named_in(value, closed))
        elif isinstance(field, (models.CharField, models.TextField)):
            parts.append(value)
    return "\n".join(part for part in parts if part)


def own_fields(model) -> list[str]:
    """The fields a page type adds to Wagtail's Page: text, rich text, StreamFields and
    documents (numbers, dates and choices say nothing a parent types)."""
    from wagtail.models import Page

    return [
        field.name
        for field in model._meta.concrete_fields
        if field.model is not Page
        and not (field.remote_field and field.remote_field.parent_link)
        and (
            isinstance(field, (StreamField, models.TextField))
            or (isinstance(field, models.CharField) and not field.choices)
            or (
                isinstance(field, models.ForeignKey)
                and issubclass(field.related_model, AbstractDocument)
            )
        )
    ]


class SearchTextMixin:
    """Pages indexed with all they show: their own fields (own_fields) and `shown_text()`,
    what the template takes from elsewhere (the school's requisites, its platforms).

    `shows` names the models `shown_text()` reads: saving one of them indexes such pages
    of its school's site again (connect_reindexing)."""

    shows: tuple[str, ...] = ()
    search_fields = [*Page.search_fields, index.SearchField("search_text")]

    def search_text(self) -> str:
        own = fields_text(self, own_fields(type(self)))
        return "\n".join(filter(None, [own, self.shown_text()]))

    def shown_text(self) -> str:
        return ""


def school_text(page) -> str:
    """The requisites of the school whose site `page` is on, as its pages show them."""
    from eios.models import School

    site = page.get_site()
    school = School.objects.filter(site=site).first() if site else None
    if school is None:
        return ""
    fields = ("full_name", "short_name", "address", "work_time", "telephone", "email")
    return "\n".join(getattr(school, name) for name in fields)


def platforms_text(page, platforms=None) -> str:
    """Names and purposes of the platforms of the school whose site `page` is on."""
    from .models import Platform

    if platforms is None:
        platforms = Platform.objects.filter(school__site=page.get_site())
    return "\n".join(f"{platform.name} {platform.purpose}" for platform in platforms)


def _pages_showing(sender, instance, **kwargs):
    from django.apps import apps
    from modelsearch.index import insert_or_update_object
    from wagtail.models import Site

    site_id = getattr(instance, "site_id", None) or getattr(instance.school, "site_id", None)
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return
    for model in apps.get_models():
        if issubclass(model, SearchTextMixin) and sender._meta.label in model.shows:
            for page in model.objects.descendant_of(site.root_page, inclusive=True):
                insert_or_update_object(page)


def connect_reindexing() -> None:
    from django.db.models.signals import post_delete, post_save

    from eios.models import School

    from .models import Platform

    for model in (School, Platform):
        for signal in (post_save, post_delete):
            signal.connect(_pages_showing, sender=model, dispatch_uid=f"search-shown-{model}")
