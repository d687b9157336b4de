"""Every address with an id finds its object through here and refuses as a missing page
(404) whatever the reason: another pupil's entry must not be told apart from none."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from accounts.models import User
from eios.access import Action, can

from ..models import Achievement, Portfolio, Review, Work, WorkSnapshot


def allowed(user, action, element):
    if not can(user, action, element):
        raise Http404
    return element


def portfolio_or_404(user, pupil_id: int, action=Action.VIEW) -> Portfolio:
    """The pupil's portfolio if `user` may `action` it; made on the first visit of someone
    allowed (every pupil has one)."""
    # By the user's key, not `pupil_id`: an id past the column's range then finds nothing
    # instead of failing in the database.
    portfolio = Portfolio.objects.select_related("pupil").filter(pupil__pk=pupil_id).first()
    if portfolio is None:
        portfolio = Portfolio(pupil=get_object_or_404(User, pk=pupil_id))
    allowed(user, action, portfolio)
    if portfolio.pk is None:
        # Only pupils have portfolios: someone who never studied here has none to make.
        if not portfolio.pupil.memberships.exists():
            raise Http404
        portfolio.save()
    return portfolio


def achievement_or_404(user, pk: int, action=Action.VIEW) -> Achievement:
    achievement = get_object_or_404(
        Achievement.objects.select_related("portfolio__pupil", "confirmed_by"), pk=pk
    )
    allowed(user, action, achievement.portfolio)
    return achievement


def work_or_404(user, pk: int, action=Action.VIEW) -> Work:
    work = get_object_or_404(Work.objects.select_related("portfolio__pupil"), pk=pk)
    return allowed(user, action, work)


def snapshot_or_404(user, pk: int) -> WorkSnapshot:
    snapshot = get_object_or_404(
        WorkSnapshot.objects.select_related("work__portfolio__pupil"), pk=pk
    )
    allowed(user, Action.VIEW, snapshot.work)
    return snapshot


def own_review_or_404(user, pk: int) -> Review:
    review = get_object_or_404(
        Review.objects.select_related("snapshot__work__portfolio__pupil"), pk=pk, reviewer=user
    )
    allowed(user, Action.VIEW, review.snapshot.work)
    return review


def next_or(request, default: str) -> str:
    """Where a form asks to go back to (a queue), if it is an address of this site."""
    wanted = request.POST.get("next", "")
    # Only a path of this site: a bare word would be read as a view's name.
    if wanted.startswith("/") and url_has_allowed_host_and_scheme(wanted, {request.get_host()}):
        return wanted
    return default
