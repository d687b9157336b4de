from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eios.access import Action, can
from eios.cabinet import render_panels

from ..models import BlockKind, User
from ..selectors import current_class_of
from ..services.blocking import account_block, may_block
from ..services.sessions import sessions_end
from .addresses import next_on_site


@login_required
def cabinet(request):
    """The personal cabinet (SPEC §3), composed of the panels the apps register."""
    return render(request, "accounts/cabinet.html", {"panels": render_panels(request)})


@login_required
@require_POST
def logout_everywhere(request):
    ended = sessions_end(
        user=request.user,
        keep_session_key=request.session.session_key,
        actor=request.user,
        request=request,
    )
    messages.success(
        request,
        _("Other sessions ended: %(count)d. This one stays open.") % {"count": ended},
    )
    return redirect("cabinet")


@login_required
def block_self(request):
    """«My password is known to someone» (regulation §12.2): block my account at once."""
    if request.method != "POST":
        return render(request, "accounts/block_self.html")
    reason = request.POST.get("reason", "").strip() or _(
        "The person reported that the password is known to someone else."
    )
    user = request.user
    account_block(user=user, kind=BlockKind.SELF, reason=reason, actor=user, request=request)
    logout(request)
    return render(request, "accounts/blocked_self.html")


def _back_to(request, pupil) -> str:
    """Where blocking returns: the page it was started from (the class page, the cabinet),
    never an address outside the site."""
    school_class = current_class_of(pupil)
    if school_class is not None and can(request.user, Action.VIEW, school_class):
        return next_on_site(request, reverse("class_detail", args=[school_class.pk]))
    return next_on_site(request, reverse("cabinet"))


@login_required
def block_pupil(request, user_id):
    """A class teacher blocks a pupil of their class at once (regulation §12.2), after
    confirming on a page that names the pupil."""
    pupil = User.objects.filter(pk=user_id).first()
    if pupil is None or not pupil.is_active or not may_block(request.user, pupil):
        raise Http404
    back = _back_to(request, pupil)
    reason = request.POST.get("reason", "").strip()
    if request.method != "POST" or not reason:
        context = {
            "pupil": pupil,
            "next": back,
            "reason": reason or _("The password has become known to someone else."),
        }
        return render(request, "accounts/block_pupil.html", context)
    account_block(
        user=pupil, kind=BlockKind.CLASS_TEACHER, reason=reason, actor=request.user, request=request
    )
    messages.success(
        request,
        _(
            "%(name)s is blocked. Only the system administrator can unblock the account; "
            "the pupil then gets a new one-time password."
        )
        % {"name": pupil.get_full_name()},
    )
    return HttpResponseRedirect(back)
