"""Reads of the portfolio that views share; each runs a fixed number of queries however
many achievements, works or pupils there are."""

from collections import Counter

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from accounts.models import ClassMembership
from accounts.names import name_order
from eios.access import Action, visible

from .models import (
    Achievement,
    AchievementStatus,
    Level,
    Portfolio,
    Review,
    ShareLink,
    Sphere,
    Work,
    WorkSnapshot,
)


def portfolio_of(pupil) -> Portfolio:
    """The pupil's portfolio (made on first use: every pupil has one)."""
    return Portfolio.objects.get_or_create(pupil=pupil)[0]


def class_teachers_of(pupil) -> list:
    """Who confirms for the pupil: the class teachers of the current class (or, for a
    blocked pupil, of the classes they were in)."""
    memberships = ClassMembership.objects.filter(user=pupil).select_related(
        "school_class__class_teacher"
    )
    if pupil.is_active:
        memberships = memberships.filter(ended_on__isnull=True)
    teachers = {m.school_class.class_teacher for m in memberships}
    return [t for t in teachers if t is not None and t.is_active]


def achievements_of(portfolio, *, confirmed_only: bool = False) -> list[Achievement]:
    """The portfolio's achievements with their files and who confirmed them (two queries)."""
    achievements = portfolio.achievements.select_related("confirmed_by").prefetch_related(
        "evidence"
    )
    if confirmed_only:
        achievements = achievements.filter(status=AchievementStatus.CONFIRMED)
    return list(achievements)


class Summary:
    """Counts of confirmed achievements by sphere and level: the chart and its table."""

    def __init__(self, counts: Counter):
        self.counts = counts
        self.total = sum(counts.values())
        self.spheres = [
            {
                "sphere": sphere,
                "cells": [counts[(sphere.value, level.value)] for level in Level],
                "total": sum(counts[(sphere.value, level.value)] for level in Level),
            }
            for sphere in Sphere
        ]
        self.levels = list(Level)
        self.largest = max([row["total"] for row in self.spheres] + [1])
        for row in self.spheres:
            row["segments"] = self._segments(row["cells"])

    def _segments(self, cells: list[int]) -> list[dict]:
        """The bar of one sphere: a segment per level, in units of a 100-wide chart."""
        segments, x = [], 0.0
        for level, count in zip(Level, cells, strict=True):
            if count:
                width = count * 100 / self.largest
                segments.append({"level": level, "count": count, "x": x, "width": width})
                x += width
        return segments


def summary_of(portfolio) -> Summary:
    """One query."""
    rows = (
        portfolio.achievements.filter(status=AchievementStatus.CONFIRMED)
        .values_list("sphere", "level")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return Summary(Counter({(sphere, level): count for sphere, level, count in rows}))


def works_of(portfolio) -> list[Work]:
    return list(
        portfolio.works.annotate(
            sent=Count("snapshots", distinct=True),
            review_count=Count("snapshots__reviews", distinct=True),
        )
    )


def share_links_of(portfolio) -> list[ShareLink]:
    """The links with their openings (two queries). Not through `portfolio.share_links`,
    which would hang the portfolio and its pupil on each link: the links are kept in the
    cache, the pupil's row (a password hash) is not to be."""
    return list(ShareLink.objects.filter(portfolio=portfolio.pk).prefetch_related("openings"))


def class_overview(school_class) -> list[dict]:
    """Per pupil of the class: confirmed counts by sphere and level, and how many wait
    (three queries for any number of pupils)."""
    pupils = [
        membership.user
        for membership in ClassMembership.objects.filter(
            school_class=school_class, ended_on__isnull=True
        )
        .select_related("user")
        .order_by(*name_order("user__"))
    ]
    counts = Counter()
    waiting = Counter()
    rows = (
        Achievement.objects.filter(portfolio__pupil__in=pupils)
        .values_list("portfolio__pupil", "sphere", "level", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for pupil_id, sphere, level, status, count in rows:
        if status == AchievementStatus.CONFIRMED:
            counts[(pupil_id, sphere)] += count
            counts[(pupil_id, level)] += count
            counts[pupil_id] += count
        elif status == AchievementStatus.SUBMITTED:
            waiting[pupil_id] += count
    return [
        {
            "pupil": pupil,
            "spheres": [counts[(pupil.pk, sphere.value)] for sphere in Sphere],
            "levels": [counts[(pupil.pk, level.value)] for level in Level],
            "total": counts[pupil.pk],
            "waiting": waiting[pupil.pk],
        }
        for pupil in pupils
    ]


def confirmation_queue(user) -> list[Achievement]:
    """Achievements waiting for confirmation that `user` may confirm."""
    portfolios = visible(user, Portfolio.objects.all(), Action.ADMINISTER).exclude(pupil=user)
    return list(
        Achievement.objects.filter(
            status=AchievementStatus.SUBMITTED, portfolio__in=portfolios.values("pk")
        )
        .select_related("portfolio__pupil")
        .prefetch_related("evidence")
        .order_by("created_at", "pk")
    )


def review_queue(user) -> list[WorkSnapshot]:
    """The latest copy sent for review of each work `user` may read and has not reviewed
    yet (their own works aside)."""
    works = visible(user, Work.objects.all()).exclude(portfolio__pupil=user)
    newer = WorkSnapshot.objects.filter(work=OuterRef("work"), pk__gt=OuterRef("pk"))
    mine = Review.objects.filter(snapshot=OuterRef("pk"), reviewer=user)
    return list(
        WorkSnapshot.objects.filter(work__in=works.values("pk"))
        .filter(~Q(Exists(newer)), ~Q(Exists(mine)))
        .select_related("work__portfolio__pupil")
        .order_by("sent_at", "pk")
    )


def snapshots_of(work) -> list[WorkSnapshot]:
    """Copies sent for review with their reviews and each review's earlier wordings."""
    return list(
        work.snapshots.prefetch_related(
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("reviewer").prefetch_related("revisions"),
            )
        )
    )
