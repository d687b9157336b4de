from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from ..services.terms import terms_accept, terms_current, terms_pending
from .addresses import next_on_site


def _next(request) -> str:
    return next_on_site(request, reverse("cabinet"))


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
