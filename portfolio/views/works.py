from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eios.access import Action, can

from ..files import attachment_response
from ..forms import ReviewForm, WorkForm, form_errors_from
from ..selectors import snapshots_of
from ..services.works import (
    FIELDS,
    may_review,
    review_change,
    review_write,
    work_create,
    work_send_for_review,
    work_update,
)
from .lookups import own_review_or_404, portfolio_or_404, snapshot_or_404, work_or_404


def _fields(form) -> dict:
    return {name: form.cleaned_data.get(name) for name in FIELDS}


@login_required
def add(request, pupil_id):
    portfolio = portfolio_or_404(request.user, pupil_id, Action.CHANGE)
    form = WorkForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        work = work_create(
            actor=request.user,
            portfolio=portfolio,
            fields=_fields(form),
            file=form.cleaned_data.get("upload"),
        )
        messages.success(request, _("The work is saved."))
        return redirect(work)
    return render(request, "portfolio/work_form.html", {"form": form, "portfolio": portfolio})


@login_required
def edit(request, pk):
    work = work_or_404(request.user, pk, Action.CHANGE)
    form = WorkForm(request.POST or None, request.FILES or None, instance=work)
    if request.method == "POST" and form.is_valid():
        work_update(
            actor=request.user,
            work=work,
            fields=_fields(form),
            file=form.cleaned_data.get("upload"),
        )
        messages.success(request, _("The work is saved."))
        return redirect(work)
    return render(
        request,
        "portfolio/work_form.html",
        {"form": form, "portfolio": work.portfolio, "work": work},
    )


@login_required
def detail(request, pk):
    """The work, its copies sent for review with their reviews, and a review form for
    those who may review the latest copy."""
    work = work_or_404(request.user, pk)
    snapshots = snapshots_of(work)
    reviewing = bool(snapshots) and may_review(request.user, work)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if not reviewing:
            raise Http404
        if form.is_valid():
            try:
                review_write(actor=request.user, snapshot=snapshots[0], **form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, _("The review is saved."))
                return redirect(work)
    return render(
        request,
        "portfolio/work.html",
        {
            "work": work,
            "snapshots": snapshots,
            "may_change": can(request.user, Action.CHANGE, work),
            "review_form": form if reviewing else None,
        },
    )


@login_required
@require_POST
def send(request, pk):
    work = work_or_404(request.user, pk, Action.CHANGE)
    work_send_for_review(actor=request.user, work=work)
    messages.success(request, _("A copy of the work is sent for review; you may go on editing."))
    return redirect(work)


@login_required
def work_file(request, pk):
    work = work_or_404(request.user, pk)
    if not work.file:
        raise Http404
    return attachment_response(work.file, name=work.file_name, content_type=work.file_type)


@login_required
def snapshot_file(request, pk):
    snapshot = snapshot_or_404(request.user, pk)
    if not snapshot.file:
        raise Http404
    return attachment_response(
        snapshot.file, name=snapshot.file_name, content_type=snapshot.file_type
    )


@login_required
def review_edit(request, pk):
    review = own_review_or_404(request.user, pk)
    form = ReviewForm(request.POST or None, initial={"text": review.text, "grade": review.grade})
    if request.method == "POST" and form.is_valid():
        try:
            review_change(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The review is changed; the earlier wording is kept."))
            return redirect(review.snapshot.work)
    return render(request, "portfolio/review_form.html", {"form": form, "review": review})
