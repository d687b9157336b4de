"""A class teacher's pages for their class: pupils and their account status, class-list
upload (regulation §9.5), credential slips (§9.4–§9.7)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eios.access import Action, can

from ..class_list import class_list_flag_duplicates, class_list_parse
from ..credentials import ISSUE_PERMISSION, credentials_issue
from ..models import SchoolClass
from ..selectors import pupils_of
from ..services.orders import enrolment_draft_from_list
from .slips import slips_response


def _class_for(request, class_id, action: Action) -> SchoolClass:
    """The class if the access module lets the user `action` it; otherwise the same 404
    as for a class that does not exist (no hint that the number is taken)."""
    school_class = SchoolClass.objects.select_related("school").filter(pk=class_id).first()
    if school_class is None or not can(request.user, action, school_class):
        raise Http404
    return school_class


def may_issue_credentials(user, school_class) -> bool:
    """Credentials are prepared for a class by those who keep its list (§9.5) and issued
    by those the director's order names (§9.4): «change» on the class and the permission.
    Seeing a class — a deputy sees them all — is not enough: a new password is a login."""
    return user.has_perm(ISSUE_PERMISSION) and can(user, Action.CHANGE, school_class)


def _pupils_by_use(pupils):
    """Pupils who may get a slip: those still waiting for one, and those already using
    their account, whose working password a slip would replace."""
    active = [pupil for pupil in pupils if pupil.is_active]
    in_use = [p for p in active if p.has_usable_password() and not p.must_change_password]
    return [p for p in active if p not in in_use], in_use


@login_required
def class_detail(request, class_id, class_list=None, status=200):
    school_class = _class_for(request, class_id, Action.VIEW)
    pupils = pupils_of(school_class)
    may_change = can(request.user, Action.CHANGE, school_class)
    waiting, in_use = _pupils_by_use(pupils)
    context = {
        "school_class": school_class,
        "pupils": pupils,
        "may_change": may_change,
        "may_issue": may_change and request.user.has_perm(ISSUE_PERMISSION),
        "waiting": waiting,
        "in_use": in_use,
        "class_list": class_list,
    }
    return render(request, "accounts/class_detail.html", context, status=status)


@login_required
@require_POST
def credential_slips(request, class_id):
    """One PDF per class, one slip per selected pupil; passwords exist only on it (§9.7).

    A pupil who already uses their account is included only when re-issuing was chosen
    for them and then confirmed on a page that names them: a slip ends their password.
    """
    school_class = _class_for(request, class_id, Action.VIEW)
    if not may_issue_credentials(request.user, school_class):
        raise Http404
    chosen = set(request.POST.getlist("pupil"))
    waiting, in_use = _pupils_by_use(pupils_of(school_class))
    pupils = [p for p in waiting + in_use if str(p.pk) in chosen]
    if not pupils:
        messages.error(request, _("Choose the pupils who need new credentials."))
        return redirect("class_detail", class_id=school_class.pk)
    confirmed = set(request.POST.getlist("reissue"))
    unconfirmed = [p for p in in_use if str(p.pk) in chosen and str(p.pk) not in confirmed]
    if unconfirmed:
        context = {"school_class": school_class, "pupils": pupils, "reissued": unconfirmed}
        return render(request, "accounts/credential_slips_confirm.html", context)
    issued = credentials_issue(users=pupils, actor=request.user, request=request)
    return slips_response(
        request,
        school=school_class.school,
        heading=_("Class %(name)s") % {"name": school_class.name},
        issued=issued,
        filename=f"slips-{school_class.pk}.pdf",
    )


@login_required
@require_POST
def class_list_upload(request, class_id):
    """Check a class list whole; a valid one becomes a draft enrolment order."""
    school_class = _class_for(request, class_id, Action.CHANGE)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose the file of the class list."))
        return redirect("class_detail", class_id=school_class.pk)
    class_list = class_list_parse(file=upload, filename=upload.name)
    if not class_list.ok:
        return class_detail(request, class_id, class_list=class_list, status=400)
    class_list_flag_duplicates(class_list)
    order = enrolment_draft_from_list(
        school_class=school_class, pupils=class_list.rows, actor=request.user
    )
    messages.success(
        request,
        _("%(count)d pupils read. The draft order «%(order)s» awaits the administrator.")
        % {"count": len(class_list.rows), "order": order.title},
    )
    if class_list.warnings:
        return class_detail(request, class_id, class_list=class_list)
    return redirect("class_detail", class_id=school_class.pk)
