"""The Wagtail site of a request, without a query on every request.

Wagtail looks the site up by host name on each request (`Site.find_for_request`)
and keeps it only on that request. Sites change about once in a school's life,
so the lookup goes through the generation cache; Wagtail then finds it on the
request where it always looks.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from eios.fragments import remember


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.FRAGMENT_CACHE_ENABLED:
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            # CommonMiddleware answers 400; nothing to remember for a refused host.
            return self.get_response(request)
        request._wagtail_site = remember(
            request, f"site:{host}:{request.get_port()}", lambda: _site_with_home(request)
        )
        return self.get_response(request)


def _site_with_home(request) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        # Loaded now so that they travel with the site: Wagtail routes every request
        # from `site.root_page.specific`, two more queries otherwise.
        site.root_page.specific  # noqa: B018
    return site
