"""Where a form sends the person back to."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_on_site(request, fallback: str) -> str:
    """The `next` address of the form if it is on this site, else `fallback`.

    Answer it with `HttpResponseRedirect`, never `redirect()`: that one reads a word such
    as `a"b` as the name of a view and fails on it."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
