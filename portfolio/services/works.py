"""Works and their reviews (regulation §1.3): any participant who may read a work reviews
and grades the copy sent for review; only the author changes a review, and the earlier
wording is kept. These grades are not grades of record (§7)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import current_class_of, positions_of
from eios.access import Action, can

from ..files import CheckedFile
from ..models import Portfolio, Review, ReviewRevision, Work, WorkSnapshot
from .notify import portfolio_changed

FIELDS = ("title", "subject", "kind", "description", "link", "classmates_may_review")
CONTENT = ("title", "subject", "kind", "description", "link", "file", "file_name", "file_type")


def _attach(work: Work, file: CheckedFile | None) -> None:
    if file is not None:
        work.file = file
        work.file_name = file.name
        work.file_type = file.content_type


@transaction.atomic
def work_create(
    *, actor: User, portfolio: Portfolio, fields: dict, file: CheckedFile | None = None
) -> Work:
    work = Work(portfolio=portfolio, **{name: fields[name] for name in FIELDS if name in fields})
    _attach(work, file)
    work.save()
    portfolio_changed(portfolio.pupil)
    return work


@transaction.atomic
def work_update(*, actor: User, work: Work, fields: dict, file: CheckedFile | None = None) -> Work:
    """The original stays editable; copies already sent for review do not change."""
    work = Work.objects.select_for_update().get(pk=work.pk)
    for name in FIELDS:
        if name in fields:
            setattr(work, name, fields[name])
    _attach(work, file)
    work.save()
    portfolio_changed(work.portfolio.pupil)
    return work


@transaction.atomic
def work_send_for_review(*, actor: User, work: Work) -> WorkSnapshot:
    """Freeze a copy of the work as it is now: the reviews speak of that copy."""
    work = Work.objects.select_for_update().get(pk=work.pk)
    # The stored file is shared: an edit of the work uploads a new one, none is deleted.
    snapshot = WorkSnapshot.objects.create(
        work=work, **{name: getattr(work, name) for name in CONTENT}
    )
    portfolio_changed(work.portfolio.pupil)
    return snapshot


def may_review(user, work: Work) -> bool:
    return work.portfolio.pupil_id != user.pk and can(user, Action.VIEW, work)


def _position_of(user) -> str:
    names = [str(position.name) for position in positions_of(user)]
    school_class = current_class_of(user)
    if school_class is not None:
        names.append(_("pupil of %(name)s") % {"name": school_class.name})
    return ", ".join(names)[:200]


def _check(text: str, grade) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the review.")})
    if grade not in (None, 2, 3, 4, 5):
        raise ValidationError({"grade": _("The grade is on the school's scale from 2 to 5.")})
    return text


@transaction.atomic
def review_write(
    *, actor: User, snapshot: WorkSnapshot, text: str, grade: int | None = None
) -> Review:
    """A review with a grade from a participant who may read the work (§1.3)."""
    if not may_review(actor, snapshot.work):
        raise ValidationError(_("You may not review this work."))
    text = _check(text, grade)
    review = Review.objects.create(
        snapshot=snapshot, reviewer=actor, position=_position_of(actor), text=text, grade=grade
    )
    portfolio_changed(snapshot.work.portfolio.pupil)
    return review


@transaction.atomic
def review_change(*, actor: User, review: Review, text: str, grade: int | None = None) -> Review:
    """Only the author changes a review; the earlier wording is kept."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.reviewer_id != actor.pk:
        raise ValidationError(_("Only the author changes a review."))
    text = _check(text, grade)
    ReviewRevision.objects.create(
        review=review, text=review.text, grade=review.grade, written_at=review.updated_at
    )
    review.text, review.grade, review.updated_at = text, grade, timezone.now()
    review.save(update_fields=["text", "grade", "updated_at"])
    return review
