from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eios.access import Action, can

from ..files import attachment_response
from ..forms import AchievementForm, ReturnForm, form_errors_from
from ..models import Evidence
from ..services.achievements import (
    FIELDS,
    achievement_confirm,
    achievement_correct,
    achievement_create,
    achievement_return,
    achievement_submit,
    achievement_update,
    may_confirm,
)
from .lookups import achievement_or_404, allowed, next_or, portfolio_or_404


def _fields(form) -> dict:
    return {name: form.cleaned_data.get(name) for name in FIELDS}


def _files(form) -> list:
    return [form.cleaned_data["evidence"]] if form.cleaned_data.get("evidence") else []


@login_required
def add(request, pupil_id):
    portfolio = portfolio_or_404(request.user, pupil_id, Action.CHANGE)
    form = AchievementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            achievement = achievement_create(
                actor=request.user, portfolio=portfolio, fields=_fields(form), files=_files(form)
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The achievement is saved as a draft."))
            return redirect(achievement)
    return render(
        request, "portfolio/achievement_form.html", {"form": form, "portfolio": portfolio}
    )


@login_required
def edit(request, pk):
    achievement = achievement_or_404(request.user, pk, Action.CHANGE)
    if not achievement.editable:
        raise Http404
    form = AchievementForm(request.POST or None, request.FILES or None, instance=achievement)
    if request.method == "POST" and form.is_valid():
        try:
            achievement_update(
                actor=request.user,
                achievement=achievement,
                fields=_fields(form),
                files=_files(form),
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("The achievement is saved."))
            return redirect(achievement)
    return render(
        request,
        "portfolio/achievement_form.html",
        {"form": form, "portfolio": achievement.portfolio, "achievement": achievement},
    )


@login_required
def detail(request, pk):
    achievement = achievement_or_404(request.user, pk)
    user = request.user
    return render(
        request,
        "portfolio/achievement.html",
        {
            "achievement": achievement,
            "evidence": list(achievement.evidence.all()),
            "corrections": list(achievement.corrections.all()),
            "may_change": can(user, Action.CHANGE, achievement.portfolio),
            "may_confirm": may_confirm(user, achievement),
            "return_form": ReturnForm(),
        },
    )


def _act(request, pk, action, service, done_message, *, audited=False, **arguments):
    achievement = achievement_or_404(request.user, pk, action)
    if audited:
        arguments["request"] = request
    try:
        result = service(actor=request.user, achievement=achievement, **arguments)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(achievement)
    messages.success(request, done_message)
    return HttpResponseRedirect(next_or(request, result.get_absolute_url()))


@login_required
@require_POST
def submit(request, pk):
    return _act(request, pk, Action.CHANGE, achievement_submit, _("The achievement is submitted."))


@login_required
@require_POST
def correct(request, pk):
    return _act(
        request,
        pk,
        Action.CHANGE,
        achievement_correct,
        _("A correction is drafted; the confirmed entry stays as it was."),
    )


@login_required
@require_POST
def confirm(request, pk):
    return _act(
        request,
        pk,
        Action.ADMINISTER,
        achievement_confirm,
        _("The achievement is confirmed."),
        audited=True,
    )


@login_required
@require_POST
def return_(request, pk):
    return _act(
        request,
        pk,
        Action.ADMINISTER,
        achievement_return,
        _("The achievement is returned to the pupil."),
        reason=request.POST.get("reason", ""),
        audited=True,
    )


@login_required
def evidence_file(request, pk):
    evidence = (
        Evidence.objects.select_related("achievement__portfolio__pupil").filter(pk=pk).first()
    )
    if evidence is None:
        raise Http404
    allowed(request.user, Action.VIEW, evidence.achievement.portfolio)
    return attachment_response(
        evidence.file, name=evidence.name, content_type=evidence.content_type
    )
