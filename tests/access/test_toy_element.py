"""A new app joins access control by registering its kind of element and its post
(issue 11, item 2): the toy app of the tests (tests/toyapp/) does it from its own
`ready()`, with no line of eios/ or accounts/ about it, and the engine, the grants and
the «Access» screens treat its clubs as they treat classes."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from eios.access import (
    Action,
    can,
    element_access_url,
    grant,
    held_by_post,
    holders_by_post,
    holders_of,
    visible,
)
from eios.audit import AuditEvent, AuditKind
from tests.clients import signed_in
from tests.toyapp.models import Club

pytestmark = pytest.mark.django_db


@pytest.fixture
def club(world):
    """The chess club, led by the teacher."""
    return Club.objects.create(name="Шахматный кружок", leader=world.people["teacher"])


def test_the_engine_decides_for_a_kind_it_has_never_heard_of(world, club):
    people = world.people
    # Restricted: the leader by their post, the positions that see everything, the
    # system administrator; nobody else, and a blocked account holds nothing.
    assert can(people["teacher"], Action.CHANGE, club)
    assert not can(people["teacher"], Action.ADMINISTER, club)
    assert can(people["director"], Action.VIEW, club)
    assert not can(people["director"], Action.CHANGE, club)
    assert can(people["superuser"], Action.ADMINISTER, club)
    for code in ("librarian", "student", "blocked"):
        assert not can(people[code], Action.VIEW, club), code
    assert not can(None, Action.VIEW, club)


def test_lists_of_the_new_kind_follow_grants_and_posts(world, club):
    people = world.people
    other = Club.objects.create(name="Театральная студия")
    clubs = Club.objects.order_by("pk")
    assert list(visible(people["teacher"], clubs)) == [club]
    assert list(visible(people["director"], clubs)) == [club, other]
    assert list(visible(people["librarian"], clubs)) == []

    grant(actor=people["superuser"], action=Action.VIEW, obj=other, user=people["librarian"])

    assert list(visible(people["librarian"], clubs)) == [other]
    assert list(visible(people["librarian"], clubs, Action.CHANGE)) == []


def test_grants_on_the_new_kind_are_kept_and_audited(world, club):
    people = world.people
    assert Permission.objects.filter(
        content_type__app_label="toyapp", codename="administer_club"
    ).exists()

    grant(
        actor=people["superuser"],
        action=Action.ADMINISTER,
        obj=club,
        group=world.positions["head_of_department"].group,
    )

    assert can(people["head_of_department"], Action.ADMINISTER, club)
    assert [(h.action, h.group, h.element_kind) for h in holders_of(club)] == [
        (Action.ADMINISTER, world.positions["head_of_department"].group, "club")
    ]
    assert AuditEvent.objects.filter(
        kind=AuditKind.PRIVILEGE_GRANTED, details__element="toyapp.club"
    ).exists()


def test_the_post_is_listed_from_both_sides(world, club):
    teacher = world.people["teacher"]
    assert [(h.person, h.action, h.post) for h in holders_by_post(club)] == [
        (teacher, Action.CHANGE, "club leader")
    ]
    assert [(h.obj, h.action, h.element_kind) for h in held_by_post(teacher)] == [
        (club, Action.CHANGE, "club")
    ]


def test_the_access_screen_of_the_new_kind_grants_and_shows_the_post(world, club):
    people = world.people
    head, librarian = people["head_of_department"], people["librarian"]
    grant(actor=people["superuser"], action=Action.ADMINISTER, obj=club, user=head)
    url = element_access_url(club)
    assert url == reverse("eios_access_element", args=["toyapp.club", club.pk])
    # The deputy opens the admin and sees every club, but administers none.
    assert signed_in(people["deputy"]).get(url).status_code == 404

    screen = signed_in(head).get(url)
    assert screen.status_code == 200
    html = screen.content.decode()
    assert "Шахматный кружок" in html
    assert "only those granted" in html
    assert "teacher (teacher), club leader" in html  # by their post
    assert '<option value="change"' in html  # not a Wagtail-edited kind

    response = signed_in(head).post(url, {"action": "view", "person": librarian.pk})

    assert response.status_code == 302
    assert can(librarian, Action.VIEW, club)
    overview = signed_in(people["superuser"]).get(
        reverse("eios_access_person", args=[people["teacher"].pk])
    )
    assert url in overview.content.decode()  # the club, held by their post
