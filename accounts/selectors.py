"""Reads of accounts that views share; each runs a fixed number of queries."""

from django.db.models import Prefetch

from .models import ClassMembership, Position, SchoolClass, UserSession
from .names import name_order


def positions_of(user):
    return Position.objects.filter(appointments__user=user, appointments__ended_on__isnull=True)


def classes_led_by(user) -> list[SchoolClass]:
    """The classes `user` leads, each with `.pupils`, its current pupils (two queries)."""
    current = ClassMembership.objects.filter(ended_on__isnull=True).select_related("user")
    classes = list(
        SchoolClass.objects.filter(class_teacher=user)
        .order_by("-year", "name")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=current.order_by(*name_order("user__")),
                to_attr="current_memberships",
            )
        )
    )
    for school_class in classes:
        school_class.pupils = [membership.user for membership in school_class.current_memberships]
    return classes


def classes_open_to(user) -> list[SchoolClass]:
    """Classes the user may open besides those they lead (a deputy, the IT teacher, a
    granted colleague); a fixed number of queries however many grants they hold."""
    from eios.access import visible

    return list(
        visible(user, SchoolClass.objects.exclude(class_teacher=user)).order_by("-year", "name")
    )


def pupils_of(school_class):
    return [
        m.user
        for m in ClassMembership.objects.filter(school_class=school_class, ended_on__isnull=True)
        .select_related("user")
        .order_by(*name_order("user__"))
    ]


def sessions_of(user):
    return UserSession.objects.filter(user=user).order_by("-last_seen_at")


def current_class_of(user):
    membership = (
        ClassMembership.objects.filter(user=user, ended_on__isnull=True)
        .select_related("school_class")
        .first()
    )
    return membership.school_class if membership else None
