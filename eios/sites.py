"""The Wagtail site of a request, without a query on every request.

Wagtail looks the site up by host name on each request (`Site.find_for_request`)
and keeps it only on that request. Sites change about once in a school's life,
so the lookup goes through the generation cache; Wagtail then finds it on the
request where it always looks.

It is looked up when something first asks for it, not on every request: a login, a
form sent and redirected, a file or a JSON answer never ask, and would pay two cache
round trips for nothing.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.functional import cached_property
from wagtail.models import Site

from eios.fragments import remember


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.FRAGMENT_CACHE_ENABLED:
            # Wagtail reads `request._wagtail_site` when it is there and sets it otherwise:
            # a class that works it out on first read serves both, with no change to Wagtail.
            request.__class__ = _site_on_demand(type(request))
        return self.get_response(request)


@cache
def _site_on_demand(request_class: type) -> type:
    # One subclass per request class (WSGI, ASGI, tests' own), made once per process.
    return type(request_class.__name__, (request_class,), {"_wagtail_site": _site_property})


def _cached_site(request) -> Site | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        # CommonMiddleware answers 400; nothing to remember for a refused host, and
        # Wagtail's own lookup raises the same error it always did.
        return Site._find_for_request(request)
    return remember(request, f"site:{host}:{request.get_port()}", lambda: _site_with_home(request))


# Shared by every subclass: it is named `_wagtail_site` when the first one is made.
_site_property = cached_property(_cached_site)


def _site_with_home(request) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        # Loaded now so that they travel with the site: Wagtail routes every request
        # from `site.root_page.specific`, two more queries otherwise.
        site.root_page.specific  # noqa: B018
    return site
