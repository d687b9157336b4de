"""The portfolio's part of the demo school (`load_demo`, eios/demo.py): every pupil of 5А
and 6А has achievements in every sphere and every status and a work with reviews; the
generated pupils of the other classes get a few confirmed achievements (for benchmarks)."""

import datetime
import itertools

from django.utils import timezone

from accounts.models import ClassMembership, User
from eios.demo import Demo, DemoPart
from eios.kept import changed

from .models import (
    Achievement,
    AchievementSource,
    AchievementStatus,
    Level,
    Portfolio,
    Review,
    Sphere,
    Work,
    WorkSnapshot,
)
from .services.notify import TOPIC

FULL_CLASSES = {"5А", "6А"}
EVENTS = {
    Sphere.STUDY: ("olympiad", "Всероссийская олимпиада школьников по математике", "winner"),
    Sphere.RESEARCH: ("conference", "Научно-практическая конференция «Шаг в будущее»", "place"),
    Sphere.SOCIAL: ("project", "Акция «Чистый берег» Движения первых", "participant"),
    Sphere.CREATIVE: ("contest", "Конкурс чтецов «Живая классика»", "prize_winner"),
    Sphere.SPORTS: ("gto", "Знак отличия ГТО", "winner"),
}
LEVELS = list(Level)
STATUSES = [
    AchievementStatus.CONFIRMED,
    AchievementStatus.SUBMITTED,
    AchievementStatus.DRAFT,
    AchievementStatus.RETURNED,
    AchievementStatus.CONFIRMED,
]


def _achievements(portfolio, pupil, teacher, *, full: bool, start: datetime.date) -> list:
    made = []
    statuses = STATUSES if full else [AchievementStatus.CONFIRMED]
    for number, (sphere, status) in enumerate(itertools.product(Sphere, statuses)):
        kind, event, result = EVENTS[sphere]
        confirmed = status == AchievementStatus.CONFIRMED
        made.append(
            Achievement(
                portfolio=portfolio,
                sphere=sphere,
                kind=kind,
                event=event,
                organiser="Управление образования",
                level=LEVELS[number % len(LEVELS)],
                result=result,
                place=2 if result == "place" else None,
                date=start + datetime.timedelta(days=7 * number),
                source=AchievementSource.STUDENT,
                status=status,
                return_reason="Приложите скан диплома"
                if status == AchievementStatus.RETURNED
                else "",
                confirmed_by=teacher if confirmed else None,
                confirmed_at=timezone.now() if confirmed else None,
                created_by=pupil,
            )
        )
    return made


def _work(portfolio, teacher) -> None:
    work = Work.objects.create(
        portfolio=portfolio,
        title="Исследование: вода в нашем городе",
        subject="окружающий мир",
        kind="research",
        description="Проба воды из трёх источников и выводы.",
        classmates_may_review=True,
    )
    snapshot = WorkSnapshot.objects.create(
        work=work,
        title=work.title,
        subject=work.subject,
        kind=work.kind,
        description=work.description,
    )
    Review.objects.create(
        snapshot=snapshot,
        reviewer=teacher,
        position="Учитель",
        text="Аккуратные измерения; выводы стоит подкрепить таблицей.",
        grade=5,
    )


def portfolios_load(demo: Demo) -> None:
    teacher = User.objects.get(username="teacher")
    start = datetime.date(2025, 9, 15)
    memberships = ClassMembership.objects.filter(
        ended_on__isnull=True, user__username__startswith="student"
    ).select_related("user", "school_class")
    done = set(Portfolio.objects.filter(achievements__isnull=False).values_list("pupil", flat=True))
    achievements = []
    for membership in memberships:
        pupil = membership.user
        if pupil.pk in done:
            continue
        portfolio = Portfolio.objects.get_or_create(pupil=pupil)[0]
        full = membership.school_class.name in FULL_CLASSES
        achievements += _achievements(portfolio, pupil, teacher, full=full, start=start)
        if full:
            _work(portfolio, teacher)
    Achievement.objects.bulk_create(achievements, batch_size=1000)
    # Written past the services, which tell the kept copies of portfolios they are stale.
    changed(TOPIC)


PARTS = [DemoPart(order=70, name="portfolio.portfolios", load=portfolios_load)]
