from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from eios.access import Action, can, element_access_url
from eios.access import documents as closed_documents

register = template.Library()


@register.simple_tag(takes_context=True)
def access_link(context, obj):
    """A link to the element's «Access» screen, for its administrators only (to anyone
    else that screen is a 404)."""
    if not can(context["request"].user, Action.ADMINISTER, obj):
        return ""
    return format_html(
        '<dt>{}</dt><dd><a href="{}">{}</a></dd>',
        gettext("Access"),
        element_access_url(obj),
        gettext("Who can see it; grant and revoke"),
    )


def _request_or_none(request):
    # A template rendered without a request (an e-mail, a test) is read by nobody signed in.
    return request or None


@register.filter
def may_open(document, request) -> bool:
    """`{% if document|may_open:request %}`: name a document only to those who may open it."""
    return document is not None and closed_documents.may_open(_request_or_none(request), document)


@register.filter
def openable(documents, request) -> list:
    """`{% for document in documents|openable:request %}`."""
    return closed_documents.openable(
        _request_or_none(request), [document for document in documents or [] if document]
    )


@register.filter
def without_closed_document_links(html) -> str:
    """Rich text less the links to documents its reader may not open (their text too)."""
    return mark_safe(closed_documents.without_closed_links(html))  # noqa: S308 — Wagtail's own output
