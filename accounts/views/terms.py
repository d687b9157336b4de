from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from ..services.terms import terms_accept, terms_current, terms_pending


def _next(request) -> str:
    """Where to go on: an address on this site, or the cabinet. Never through `redirect()`,
    which reads a word such as `a"b` as the name of a view and fails on it."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("cabinet")


@login_required
def accept(request):
    """The acceptance page a user sees until they accept the current terms (§6.4)."""
    version = terms_pending(request)
    if version is None:
        return HttpResponseRedirect(_next(request))
    if request.method == "POST" and request.POST.get("accept") == str(version.pk):
        terms_accept(request=request, version=version)
        return HttpResponseRedirect(_next(request))
    return render(
        request, "accounts/terms_accept.html", {"version": version, "next": _next(request)}
    )


def read(request):
    """The terms in force, for anyone (a parent may read them before the first login)."""
    return render(request, "accounts/terms.html", {"version": terms_current()})
