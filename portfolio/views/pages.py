"""The portfolio's pages: the pupil's portfolio with its chart, the read-only showcase,
the class teacher's overview and queue, the teachers' queue of works."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from accounts.models import ClassMembership, SchoolClass
from accounts.selectors import classes_led_by
from eios.access import Action, can

from ..forms import ReturnForm, ShareLinkForm
from ..models import Level, Sphere
from ..page import page_parts
from ..selectors import (
    achievements_of,
    class_overview,
    confirmation_queue,
    review_queue,
    summary_of,
)
from .lookups import allowed, portfolio_or_404


@login_required
def home(request):
    """A pupil's own portfolio; for staff, their classes and queues."""
    user = request.user
    if ClassMembership.objects.filter(user=user).exists():
        return pupil(request, user.pk)
    return render(
        request,
        "portfolio/home.html",
        {
            "led_classes": classes_led_by(user),
            "confirmations": len(confirmation_queue(user)),
            "reviews": len(review_queue(user)),
        },
    )


@login_required
def pupil(request, pupil_id):
    portfolio = portfolio_or_404(request.user, pupil_id)
    return render(
        request,
        "portfolio/portfolio.html",
        {
            "portfolio": portfolio,
            "pupil": portfolio.pupil,
            "parts": page_parts(portfolio),
            "may_change": can(request.user, Action.CHANGE, portfolio),
            "share_form": ShareLinkForm(),
        },
    )


def showcase_context(portfolio) -> dict:
    return {
        "portfolio": portfolio,
        "pupil": portfolio.pupil,
        "summary": summary_of(portfolio),
        "achievements": achievements_of(portfolio, confirmed_only=True),
    }


@login_required
def showcase(request, pupil_id):
    portfolio = portfolio_or_404(request.user, pupil_id)
    return render(request, "portfolio/showcase.html", showcase_context(portfolio))


@login_required
def overview(request, class_id):
    school_class = allowed(request.user, Action.VIEW, get_object_or_404(SchoolClass, pk=class_id))
    return render(
        request,
        "portfolio/class_overview.html",
        {
            "school_class": school_class,
            "rows": class_overview(school_class),
            "spheres": list(Sphere),
            "levels": list(Level),
        },
    )


@login_required
def confirmations(request):
    queue = confirmation_queue(request.user)
    return render(
        request,
        "portfolio/confirmations.html",
        {"queue": queue, "return_form": ReturnForm()},
    )


@login_required
def reviews(request):
    return render(request, "portfolio/review_queue.html", {"queue": review_queue(request.user)})
