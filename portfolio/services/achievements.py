"""Achievements: drafted and submitted by the pupil (or entered by a teacher), confirmed
or returned by a teacher entitled to it; a confirmed one is frozen (regulation §11.3)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from eios.access import Action, can
from eios.audit import AuditKind, audit_record

from ..files import CheckedFile
from ..models import (
    Achievement,
    AchievementResult,
    AchievementSource,
    AchievementStatus,
    Evidence,
    Portfolio,
)
from .notify import portfolio_changed

FIELDS = ("sphere", "kind", "event", "organiser", "level", "result", "place", "date")


def _check_result(fields: dict) -> None:
    if fields.get("result") == AchievementResult.PLACE and not fields.get("place"):
        raise ValidationError({"place": _("Give the place.")})
    if fields.get("result") != AchievementResult.PLACE:
        fields["place"] = None


def _locked(achievement: Achievement) -> Achievement:
    return Achievement.objects.select_for_update().get(pk=achievement.pk)


def evidence_add(*, achievement: Achievement, file: CheckedFile) -> Evidence:
    return Evidence.objects.create(
        achievement=achievement,
        file=file,
        name=file.name,
        content_type=file.content_type,
        size=file.size,
    )


@transaction.atomic
def achievement_create(
    *, actor: User, portfolio: Portfolio, fields: dict, files: list[CheckedFile] = ()
) -> Achievement:
    """A new draft: provided by the pupil, or entered by a teacher for them."""
    _check_result(fields)
    source = (
        AchievementSource.STUDENT if actor.pk == portfolio.pupil_id else AchievementSource.TEACHER
    )
    achievement = Achievement.objects.create(
        portfolio=portfolio,
        source=source,
        created_by=actor,
        **{name: fields.get(name) for name in FIELDS if name in fields},
    )
    for file in files:
        evidence_add(achievement=achievement, file=file)
    portfolio_changed(portfolio.pupil)
    return achievement


@transaction.atomic
def achievement_update(
    *, actor: User, achievement: Achievement, fields: dict, files: list[CheckedFile] = ()
) -> Achievement:
    """Change a draft or a returned entry; a submitted or confirmed one is not changed."""
    achievement = _locked(achievement)
    if not achievement.editable:
        raise ValidationError(
            _("Only a draft or a returned entry can be changed: this one is «%(status)s».")
            % {"status": achievement.get_status_display()}
        )
    _check_result(fields)
    for name in FIELDS:
        if name in fields:
            setattr(achievement, name, fields[name])
    achievement.save()
    for file in files:
        evidence_add(achievement=achievement, file=file)
    portfolio_changed(achievement.portfolio.pupil)
    return achievement


@transaction.atomic
def achievement_submit(*, actor: User, achievement: Achievement) -> Achievement:
    """Send a draft (or a returned entry, corrected) for confirmation (regulation §11.3)."""
    achievement = _locked(achievement)
    if not achievement.editable:
        raise ValidationError(_("This entry has already been submitted."))
    achievement.status = AchievementStatus.SUBMITTED
    achievement.return_reason = ""
    achievement.save(update_fields=["status", "return_reason", "updated_at"])
    portfolio_changed(achievement.portfolio.pupil)
    return achievement


def may_confirm(user, achievement: Achievement) -> bool:
    """The class teacher, or whoever the access module lets administer the portfolio; never
    the pupil themself."""
    portfolio = achievement.portfolio
    return portfolio.pupil_id != user.pk and can(user, Action.ADMINISTER, portfolio)


def _decide(
    *,
    actor: User,
    achievement: Achievement,
    status: str,
    kind: AuditKind,
    refusal: str,
    request=None,
    **fields,
) -> Achievement:
    """A teacher's decision on a submitted entry (§11.3): checked, saved, audited."""
    achievement = _locked(achievement)
    if not may_confirm(actor, achievement):
        raise ValidationError(_("You may not confirm the achievements of this pupil."))
    if achievement.status != AchievementStatus.SUBMITTED:
        raise ValidationError(refusal)
    achievement.status = status
    for name, value in fields.items():
        setattr(achievement, name, value)
    achievement.save(update_fields=["status", *fields, "updated_at"])
    audit_record(
        kind,
        actor=actor,
        subject=achievement.portfolio.pupil,
        target=f"portfolio.achievement:{achievement.pk}",
        request=request,
        event=achievement.event,
        reason=achievement.return_reason,
    )
    portfolio_changed(achievement.portfolio.pupil)
    return achievement


@transaction.atomic
def achievement_confirm(*, actor: User, achievement: Achievement, request=None) -> Achievement:
    """Confirm a submitted achievement: it counts from now on and is frozen (§11.3)."""
    return _decide(
        actor=actor,
        achievement=achievement,
        status=AchievementStatus.CONFIRMED,
        kind=AuditKind.ACHIEVEMENT_CONFIRMED,
        refusal=_("Only an entry waiting for confirmation can be confirmed."),
        request=request,
        confirmed_by=actor,
        confirmed_at=timezone.now(),
    )


@transaction.atomic
def achievement_return(
    *, actor: User, achievement: Achievement, reason: str, request=None
) -> Achievement:
    """Return a submitted achievement to the pupil with the reason (§11.3)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the entry is returned.")})
    return _decide(
        actor=actor,
        achievement=achievement,
        status=AchievementStatus.RETURNED,
        kind=AuditKind.ACHIEVEMENT_RETURNED,
        refusal=_("Only an entry waiting for confirmation can be returned."),
        request=request,
        return_reason=reason,
    )


@transaction.atomic
def achievement_correct(*, actor: User, achievement: Achievement) -> Achievement:
    """A correction of a confirmed achievement: a new draft that points at it, with its
    fields and files; the confirmed entry stays as confirmed (the history is kept)."""
    achievement = _locked(achievement)
    if not achievement.frozen:
        raise ValidationError(_("Only a confirmed entry is corrected by a new submission."))
    correction = Achievement.objects.create(
        portfolio=achievement.portfolio,
        source=AchievementSource.STUDENT
        if actor.pk == achievement.portfolio.pupil_id
        else AchievementSource.TEACHER,
        created_by=actor,
        corrects=achievement,
        **{name: getattr(achievement, name) for name in FIELDS},
    )
    # The same stored files: nothing of a portfolio is ever deleted.
    Evidence.objects.bulk_create(
        Evidence(
            achievement=correction,
            file=evidence.file.name,
            name=evidence.name,
            content_type=evidence.content_type,
            size=evidence.size,
        )
        for evidence in achievement.evidence.all()
    )
    portfolio_changed(achievement.portfolio.pupil)
    return correction
