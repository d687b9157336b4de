"""A class teacher's pages for their class: pupils and their account status, class-list
upload (regulation §9.5), credential slips (§9.4–§9.7)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eios.access import Action, can

from ..class_list import class_list_flag_duplicates, class_list_parse
from ..credentials import credential_slips_pdf, credentials_issue
from ..models import SchoolClass
from ..selectors import pupils_of
from ..services.orders import enrolment_draft_from_list


def _class_for(request, class_id, action=Action.VIEW) -> SchoolClass:
    """The class if the access module lets the user `action` it; otherwise the same 404
    as for a class that does not exist (no hint that the number is taken)."""
    school_class = SchoolClass.objects.select_related("school").filter(pk=class_id).first()
    if school_class is None or not can(request.user, action, school_class):
        raise Http404
    return school_class


@login_required
def class_detail(request, class_id, class_list=None, status=200):
    school_class = _class_for(request, class_id)
    context = {
        "school_class": school_class,
        "pupils": pupils_of(school_class),
        "may_issue": request.user.has_perm("accounts.issue_credentials"),
        "class_list": class_list,
    }
    return render(request, "accounts/class_detail.html", context, status=status)


@login_required
@require_POST
def credential_slips(request, class_id):
    """One PDF per class, one slip per selected pupil; passwords exist only on it (§9.7)."""
    school_class = _class_for(request, class_id)
    if not request.user.has_perm("accounts.issue_credentials"):
        raise Http404
    chosen = set(request.POST.getlist("pupil"))
    pupils = [p for p in pupils_of(school_class) if str(p.pk) in chosen and p.is_active]
    if not pupils:
        messages.error(request, _("Choose the pupils who need new credentials."))
        return redirect("class_detail", class_id=school_class.pk)
    issued = credentials_issue(users=pupils, actor=request.user, request=request)
    pdf = credential_slips_pdf(
        school_name=school_class.school.short_name or school_class.school.full_name,
        class_name=school_class.name,
        issued=issued,
        login_url=request.build_absolute_uri(reverse("account_login")),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="slips-{school_class.pk}.pdf"'
    # The sheet holds passwords: no copy may stay in a shared cache or the history.
    response["Cache-Control"] = "no-store"
    return response


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
