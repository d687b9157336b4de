"""The portfolio page, the class overview and the queues keep a fixed query budget with 3
or 300 achievements per pupil and 30 pupils per class; the chart has a table alternative
and the cabinet panel shows what waits."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import ClassMembership, User
from eios.cabinet import render_panels
from portfolio.models import Achievement, AchievementStatus, Level, Sphere
from portfolio.selectors import portfolio_of
from portfolio.wagtail_hooks import PANEL_QUERIES, portfolio_panel
from tests.clients import signed_in

from .conftest import TODAY, achievement_of

pytestmark = pytest.mark.django_db

PORTFOLIO_PAGE = 14
CLASS_OVERVIEW = 22
QUEUE = 26


def _fill(pupil, count: int) -> None:
    portfolio = portfolio_of(pupil)
    statuses = list(AchievementStatus)
    Achievement.objects.bulk_create(
        Achievement(
            portfolio=portfolio,
            sphere=list(Sphere)[n % 5],
            kind="contest",
            event=f"Конкурс № {n}",
            level=list(Level)[n % 5],
            result="participant",
            date=TODAY - datetime.timedelta(days=n),
            status=statuses[n % len(statuses)],
            created_by=pupil,
        )
        for n in range(count)
    )


def _class_of_30(people, per_pupil: int) -> None:
    _fill(people.student, per_pupil)
    _fill(people.classmate, per_pupil)
    for number in range(28):
        pupil = User.objects.create_user(f"pupil{number}", last_name=f"Ученик {number}")
        ClassMembership.objects.create(user=pupil, school_class=people.class_5a, started_on=TODAY)
        _fill(pupil, per_pupil)


@pytest.mark.parametrize("per_pupil", [3, 300])
def test_the_portfolio_page_keeps_its_query_budget(
    people, per_pupil, django_assert_max_num_queries
):
    _fill(people.student, per_pupil)
    for who in (people.student, people.class_teacher):
        client = signed_in(who)
        with django_assert_max_num_queries(PORTFOLIO_PAGE):
            response = client.get(reverse("portfolio:pupil", args=[people.student.pk]))
        assert response.status_code == 200


@pytest.mark.parametrize("per_pupil", [3, 300])
def test_the_class_overview_and_queue_keep_their_budgets_with_30_pupils(
    people, per_pupil, django_assert_max_num_queries
):
    _class_of_30(people, per_pupil)
    client = signed_in(people.class_teacher)
    with django_assert_max_num_queries(CLASS_OVERVIEW):
        response = client.get(reverse("portfolio:class_overview", args=[people.class_5a.pk]))
    assert response.text.count("/portfolio/pupils/") == 30
    with django_assert_max_num_queries(QUEUE):
        client.get(reverse("portfolio:confirmations"))
    with django_assert_max_num_queries(QUEUE):
        client.get(reverse("portfolio:showcase", args=[people.student.pk]))
    with django_assert_max_num_queries(QUEUE):
        client.get(reverse("portfolio:review_queue"))


def test_the_chart_counts_confirmed_achievements_with_a_table_alternative(people):
    achievement_of(people.student, status=AchievementStatus.CONFIRMED, sphere=Sphere.SPORTS)
    achievement_of(people.student, status=AchievementStatus.SUBMITTED, sphere=Sphere.SPORTS)
    page = signed_in(people.student).get(reverse("portfolio:pupil", args=[people.student.pk]))
    assert "<svg" in page.text and 'role="img"' in page.text
    assert "1 confirmed achievement by sphere and level" in page.text
    assert "Confirmed achievements by sphere and level</caption>" in page.text


def test_the_cabinet_panel_shows_the_pupils_entries_and_the_teachers_queue(
    people, django_assert_max_num_queries
):
    achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    request = RequestFactory().get("/cabinet/")
    request.user = people.student
    with django_assert_max_num_queries(PANEL_QUERIES):
        (html,) = render_panels(request, [portfolio_panel()])
    assert "My portfolio" in html
    request.user = people.class_teacher
    (html,) = render_panels(request, [portfolio_panel()])
    assert "1 achievement waits for your confirmation" in html


def test_the_showcase_says_grades_here_are_not_of_record(people):
    page = signed_in(people.student).get(reverse("portfolio:pupil", args=[people.student.pk]))
    assert "not grades of record" in page.text
