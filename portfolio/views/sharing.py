from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eios.access import Action

from ..forms import ShareLinkForm
from ..models import ShareLink
from ..services.sharing import share_link_create, share_link_open, share_link_revoke
from .lookups import allowed, portfolio_or_404
from .pages import showcase_context


@login_required
@require_POST
def create(request, pupil_id):
    portfolio = portfolio_or_404(request.user, pupil_id, Action.CHANGE)
    form = ShareLinkForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["days"])
        link = share_link_create(
            actor=request.user,
            portfolio=portfolio,
            days=form.cleaned_data["days"],
            request=request,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The link is made: %(url)s")
            % {"url": request.build_absolute_uri(link.get_absolute_url())},
        )
    return redirect("portfolio:pupil", portfolio.pupil_id)


@login_required
@require_POST
def revoke(request, pk):
    link = get_object_or_404(ShareLink.objects.select_related("portfolio__pupil"), pk=pk)
    allowed(request.user, Action.CHANGE, link.portfolio)
    share_link_revoke(actor=request.user, link=link, request=request)
    messages.success(request, _("The link is revoked: it opens nothing from now on."))
    return redirect("portfolio:pupil", link.portfolio.pupil_id)


def shared(request, token):
    """The showcase through a share link, read-only, for anyone holding the link while it
    is in force; otherwise a missing page."""
    link = share_link_open(token=token, request=request)
    if link is None:
        raise Http404
    response = render(
        request, "portfolio/showcase.html", {**showcase_context(link.portfolio), "shared": True}
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
