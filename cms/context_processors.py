"""`site_look` for every template: how the school's site presents itself (its emblem, its
map link), which the core's base template shows without naming this app."""

from django.utils.functional import SimpleLazyObject

from .models import SiteLook


def site_look(request) -> dict:
    # Lazy: a redirect or a file never renders the header, so never reads the look.
    return {"site_look": SimpleLazyObject(lambda: SiteLook.for_request(request))}
