"""Data every public page repeats, built once per content generation.

The site of the request, the school's requisites, the main menu, the
navigation of «Сведения» and the latest news are the same on thousands of
requests between two publications, yet each costs SQL and ORM work on every
page. They are kept in the page cache under the page-cache generation
(eios/pagecache.py), so the same publish, move, delete or settings save that
makes cached pages stale makes these stale too: no second invalidation scheme
to keep in step.

Values are only what anonymous visitors may see; anything that depends on who
is asking must not go through here.
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

from eios.pagecache import current_generation

T = TypeVar("T")
_MISSING = object()


def _generation(request) -> int:
    # One cache round trip per request, however many fragments the page uses.
    if not hasattr(request, "_content_generation"):
        request._content_generation = current_generation()
    return request._content_generation


def remember(request: HttpRequest, key: str, build: Callable[[], T]) -> T:
    """`build()` once per generation; `key` must name everything the value depends on.

    None is built again every time, never kept: a miss (a mistyped address, an unknown
    host) must not let a crawler fill the cache with one entry per address it invents.
    """
    if not settings.FRAGMENT_CACHE_ENABLED:
        return build()
    cache = caches["pages"]
    full_key = f"fragment:{_generation(request)}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is not None:
            cache.set(full_key, value, settings.PAGE_CACHE_SECONDS)
    return value
