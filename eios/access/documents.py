"""Which documents a page may name to its visitor (issue 10, item 8).

A page shows documents of many collections. One in a collection with «Privacy» is
named — title, address, size — only to those who may open it, wherever documents are
printed: templates ask the `may_open` and `openable` filters of `access_tags` (the
site's document link, its lists of documents), and links in rich text are rewritten
here. To the others
the page looks as if the document were not there, as the document's own address does
(eios/access/serving.py).

Asking `can()` for each document would cost queries per document. The collections under
«Privacy» are read once (one query, kept per content generation: saving or deleting a
collection's privacy moves the generation on, eios/pagecache.py), and only a document in
one of them is asked about in full, for signed-in visitors only.

The page cache keeps the pages of anonymous visitors only, so a cached page is one that
names no closed document; signed-in visitors are never answered from it.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Collection, CollectionViewRestriction

from eios.fragments import remember

from .decide import can
from .levels import Action

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.http import HttpRequest
    from wagtail.documents.models import AbstractDocument

_request: ContextVar = ContextVar("eios_visitor_request", default=None)


class VisitorMiddleware:
    """Rich text is rendered without a request; its document links learn the visitor here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def _closed_collection_ids() -> frozenset[int]:
    # A collection is closed by its own «Privacy» or by that of a collection above it.
    above = CollectionViewRestriction.objects.filter(
        collection__path=Substr(OuterRef("path"), 1, Length("collection__path"))
    )
    return frozenset(Collection.objects.filter(Exists(above)).values_list("pk", flat=True))


def closed_collection_ids(request: HttpRequest | None) -> frozenset[int]:
    """The collections under «Privacy», read once per request and content generation."""
    if request is None:
        return _closed_collection_ids()
    if not hasattr(request, "_closed_collection_ids"):
        request._closed_collection_ids = remember(
            request, "closed-collections", _closed_collection_ids
        )
    return request._closed_collection_ids


def may_open(request: HttpRequest | None, document: AbstractDocument) -> bool:
    """Whether the visitor of `request` (None: nobody signed in) may open `document`."""
    if document.collection_id not in closed_collection_ids(request):
        return True
    if request is None:
        return False
    if not hasattr(request, "_documents_openable"):
        request._documents_openable = {}
    if document.pk not in request._documents_openable:
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        request._documents_openable[document.pk] = signed_in and can(user, Action.VIEW, document)
    return request._documents_openable[document.pk]


def openable(
    request: HttpRequest | None, documents: Iterable[AbstractDocument]
) -> list[AbstractDocument]:
    return [document for document in documents if may_open(request, document)]


# What a rich-text link to a document the visitor may not open becomes; the rich text
# template (eios/templates/wagtailcore/shared/richtext.html) then drops it, text and all,
# because the text of such a link is often the document's title.
_CLOSED_LINK = "<a data-closed-document>"
_CLOSED_LINK_ELEMENT = re.compile(re.escape(_CLOSED_LINK) + r".*?</a>", re.DOTALL)


class OpenableDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's document links in rich text, for documents the visitor may open only."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        request = _request.get()
        return [
            "<a>"  # a deleted document: its text stays, as Wagtail leaves it
            if document is None
            else f'<a href="{escape(document.url)}">'
            if may_open(request, document)
            else _CLOSED_LINK
            for document in cls.get_many(attrs_list)
        ]


def without_closed_links(html: str) -> str:
    return _CLOSED_LINK_ELEMENT.sub("", html)
