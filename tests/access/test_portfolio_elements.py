"""The portfolio's elements in the access table (regulation §5.2–§5.5): each position ×
what it may do with a pupil's portfolio and a work of theirs sent for review, decided by
the access module and seen through the portfolio's own pages (404 where closed)."""

import pytest
from django.urls import reverse

from eios.access import Action, actions_of
from portfolio.selectors import portfolio_of
from portfolio.services.works import work_create, work_send_for_review
from tests.clients import signed_in

pytestmark = pytest.mark.django_db

V, C, A = Action.VIEW, Action.CHANGE, Action.ADMINISTER
# position → (on the pupil's portfolio, on their work sent for review)
TABLE = {
    "director": ({V}, {V}),
    "deputy": ({V}, {V}),
    "head_of_department": (set(), {V}),
    "teacher": (set(), {V}),
    "class_teacher": ({V, C, A}, {V, C, A}),
    "it_teacher": (set(), {V}),
    "librarian": (set(), {V}),
    "student": ({V, C}, {V, C}),
    "superuser": ({V, C, A}, {V, C, A}),
    "blocked": (set(), set()),
}


@pytest.mark.parametrize("who", TABLE)
def test_each_position_holds_on_a_portfolio_what_the_table_says(world, who):
    pupil = world.people["student"]
    portfolio = portfolio_of(pupil)
    work = work_create(actor=pupil, portfolio=portfolio, fields={"title": "Эссе", "kind": "essay"})
    work_send_for_review(actor=pupil, work=work)
    person = world.people[who]
    on_portfolio, on_work = TABLE[who]

    assert actions_of(person, portfolio) == on_portfolio
    assert actions_of(person, work) == on_work
    if who != "blocked":
        client = signed_in(person)
        page = client.get(reverse("portfolio:pupil", args=[pupil.pk]))
        assert page.status_code == (200 if V in on_portfolio else 404)
        work_page = client.get(reverse("portfolio:work", args=[work.pk]))
        assert work_page.status_code == (200 if V in on_work else 404)
