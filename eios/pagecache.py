"""Whole-page cache for anonymous visitors.

Public pages are the bulk of a school site's traffic (parents, inspectors,
monitoring robots). Answering them before sessions, CSRF and the database run
keeps a 2-core server at thousands of requests per second (perf-reliability
§A.3). wagtail-cache does the same but does not support Wagtail 8.

Invalidation is by generation: any publish, unpublish, move or delete of a
page, and any save of data the templates show (school requisites, platforms,
documents), increments one counter, so every cached page becomes stale at
once. Publishing is rare compared with reading, and a stale official page is
a compliance problem, so coarse and certain beats fine and fragile.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest
from django.utils.cache import patch_cache_control

from eios import cabinet

GENERATION_KEY = "pagecache:generation"


def _cache():
    return caches["pages"]


def current_generation() -> int:
    return _cache().get_or_set(GENERATION_KEY, 1, timeout=None)


def invalidate(**_kwargs: Any) -> None:
    """Make every cached page stale once the change is committed.

    Before the commit another visitor would still read the old rows and store
    them under the new generation, where they would stay until they expire.
    """
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    # Cabinet panels that list pages (the sections open to a person) follow the same change.
    cabinet.changed(cabinet.CONTENT)
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def mark_cacheable(request: HttpRequest) -> None:
    """Views whose output is the same for every anonymous visitor call this."""
    request.page_cacheable = True


def _key(request, generation: int) -> str:
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    raw = f"{request.get_host()}|{request.get_full_path()}|{language}"
    return f"pagecache:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _anonymous_request(request) -> bool:
    # A session or CSRF cookie means the visitor may see personal content.
    return request.method in ("GET", "HEAD") and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or settings.CSRF_COOKIE_NAME in request.COOKIES
    )


def _storable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and getattr(request, "page_cacheable", False)
        and not getattr(request, "is_preview", False)
        and (user is None or not user.is_authenticated)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_ENABLED and _anonymous_request(request)):
            return self.get_response(request)
        key = _key(request, current_generation())
        cached = _cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _storable(request, response):
            if hasattr(response, "render"):
                response.render()
            patch_cache_control(response, public=True, max_age=0)
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def connect_invalidation() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate, dispatch_uid="pagecache-published")
    page_unpublished.connect(invalidate, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="pagecache-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="pagecache-page-deleted")
    for name in settings.PAGE_CACHE_INVALIDATING_MODELS:
        model = apps.get_model(name)
        post_save.connect(invalidate, sender=model, dispatch_uid=f"pagecache-save-{name}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"pagecache-delete-{name}")
