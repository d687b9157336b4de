"""Reads of accounts that views share; each runs a fixed number of queries."""

from django.db.models import Prefetch

from .models import ClassMembership, Position, SchoolClass, UserSession


def positions_of(user):
    return Position.objects.filter(appointments__user=user, appointments__ended_on__isnull=True)


def classes_led_by(user):
    """The classes `user` leads this year, with their current pupils (two queries)."""
    current = ClassMembership.objects.filter(ended_on__isnull=True).select_related("user")
    return (
        SchoolClass.objects.filter(class_teacher=user)
        .order_by("-year", "name")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=current.order_by("user__last_name", "user__first_name"),
                to_attr="current",
            )
        )
    )


def pupils_of(school_class):
    return [
        m.user
        for m in ClassMembership.objects.filter(school_class=school_class, ended_on__isnull=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__patronymic")
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
