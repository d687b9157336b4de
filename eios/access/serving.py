"""Pages and documents are served only to those the access module admits.

Wagtail's own «Privacy» checks know positions (groups) but not the grants to one
person, and answer a refused visitor with 403 or a login form, which tells that
something is there. They are replaced by one check: an element the visitor may
not see answers exactly as a missing one (404); only an element open to every
signed-in user sends an anonymous visitor to the login page.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.documents.views.serve import serve as wagtail_document_serve

from .decide import can, is_public
from .levels import Action, Closure
from .registry import element_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.db.models import Model
    from django.http import HttpRequest, HttpResponse
    from wagtail.documents.models import AbstractDocument
    from wagtail.models import Page

# Wagtail's own privacy checks (Wagtail 8.0), replaced by ours in the same hook lists; a
# system check (eios/access/checks.py) stops the start-up if an upgrade moves them.
WAGTAIL_CHECKS = {
    "on_serve_page": ("wagtail.wagtail_hooks", "check_view_restrictions"),
    "before_serve_document": ("wagtail.documents.wagtail_hooks", "check_view_restrictions"),
}


def refusal(request: HttpRequest, obj: Model) -> HttpResponse | None:
    """None if the visitor may view `obj`; otherwise the answer to give (or Http404)."""
    if can(request.user, Action.VIEW, obj):
        return None
    closure = element_for(obj).restriction_of(obj).closure
    if not request.user.is_authenticated and closure is Closure.AUTHORISED:
        return redirect_to_login(request.get_full_path())
    raise Http404


def serve_page_if_allowed(callback: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def inner(
        page: Page, request: HttpRequest, serve_args: tuple, serve_kwargs: dict
    ) -> HttpResponse:
        answer = refusal(request, page)
        if answer is not None:
            return answer
        response = callback(page, request, serve_args, serve_kwargs)
        if not is_public(page):
            add_never_cache_headers(response)  # never kept by a shared proxy
        return response

    return inner


def serve_document_if_allowed(
    document: AbstractDocument, request: HttpRequest
) -> HttpResponse | None:
    answer = refusal(request, document)
    if answer is None and not is_public(document):
        request.closed_document_served = True
    return answer


def document_serve(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    """Wagtail's document download; the file of a closed document, like a closed page, is
    kept by no shared cache or proxy (`Cache-Control: private, no-store`)."""
    response = wagtail_document_serve(request, document_id, document_filename)
    if getattr(request, "closed_document_served", False):
        add_never_cache_headers(response)
    return response


def wagtail_check(hook_name: str) -> Callable | None:
    """Wagtail's own privacy check of the hook, or None if it is not where it was."""
    module, name = WAGTAIL_CHECKS[hook_name]
    return getattr(importlib.import_module(module), name, None)


OUR_CHECKS = {
    "on_serve_page": serve_page_if_allowed,
    "before_serve_document": serve_document_if_allowed,
}


def replace_wagtail_checks() -> None:
    """Take Wagtail's privacy checks out of the hook lists (imported here, so they are
    registered by now whatever the order of INSTALLED_APPS) and put ours in."""
    for name, ours in OUR_CHECKS.items():
        wagtail_own = wagtail_check(name)
        hooks._hooks[name] = [
            (fn, order) for fn, order in hooks._hooks.get(name, []) if fn is not wagtail_own
        ]
        hooks.register(name, ours, order=-100)
