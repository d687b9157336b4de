"""The cabinet (SPEC §3) and orders (regulation §6.5–§6.7)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import (
    AppliedOrderError,
    ClassMembership,
    OrderKind,
    Position,
    SchoolClass,
    User,
)
from accounts.services.orders import order_apply
from accounts.services.positions import appointment_start
from cms.models import Platform
from cms.models.platforms import AccessKind
from eios.access import Action, grant
from eios.audit import AuditEvent, AuditKind
from tests.factories import order_create

pytestmark = pytest.mark.django_db


def fill(school, user, size, director):
    positions = [Position.objects.create(code=f"p{n}", name=f"Должность {n}") for n in range(size)]
    for position in positions:
        appointment_start(user=user, position=position, on=timezone.localdate())
    for n in range(size):
        platform = Platform.objects.create(
            school=school,
            name=f"Платформа {n}",
            address=f"https://p{n}.example.ru/",
            access_kind=AccessKind.AUTHORISED,
        )
        platform.positions.set(positions)
    SchoolClass.objects.create(school=school, name=f"{size}Б", year=2026, class_teacher=user)
    # Classes of colleagues opened to the user one by one: five grants per unit of size.
    for n in range(size * 5):
        granted = SchoolClass.objects.create(school=school, name=f"{n}В", year=2025)
        grant(actor=director, action=Action.VIEW, obj=granted, user=user)


@pytest.mark.parametrize("size", [1, 40])
def test_the_cabinet_stays_within_its_query_budget(
    school, teacher, director, terms, size, django_assert_max_num_queries
):
    fill(school, teacher, size, director)
    client = Client()
    client.post(reverse("account_login"), {"login": "belova.i", "password": "teacher-pass-29"})
    client.post(reverse("terms_accept"), {"accept": terms.pk})
    # Session, user, terms; positions, platforms, class, led classes and their pupils,
    # classes opened by grants (permissions, groups, positions seeing all, the list),
    # sessions, login history; the sections of the site closed to the public, and the look
    # of the site the header shows (its emblem): 21. Then the panels of the apps that came
    # after: the teacher's portfolio queues (5) and the library's logins (1).
    with django_assert_max_num_queries(21 + 5 + 1):
        page = client.get(reverse("cabinet")).content.decode()
    assert f"Платформа {size - 1}" in page
    assert f"{size * 5 - 1}В (2025/2026)" in page


def test_the_cabinet_lists_only_login_platforms_of_my_positions(school, teacher, client):
    mine = Position.objects.get(code="class_teacher")
    other = Position.objects.create(code="librarian", name="Библиотекарь")
    for name, kind, position in [
        ("Сферум", AccessKind.AUTHORISED, mine),
        ("Открытый портал", AccessKind.FREE, mine),
        ("Библиотечная система", AccessKind.AUTHORISED, other),
    ]:
        Platform.objects.create(
            school=school, name=name, address="https://x.example.ru/", access_kind=kind
        ).positions.add(position)
    client.force_login(teacher)
    page = client.get(reverse("cabinet")).content.decode()
    assert "Сферум" in page
    assert "Открытый портал" not in page
    assert "Библиотечная система" not in page


def test_a_class_teacher_sees_the_class_with_account_statuses(
    client, teacher, enrol, director, school
):
    _active, expelled = enrol(("Орлов", "Пётр"), ("Зайцева", "Анна"))
    order_create(school, OrderKind.EXPULSION, director, {"person": expelled})
    client.force_login(teacher)
    page = client.get(reverse("cabinet")).content.decode()
    assert "Орлов Пётр" in page
    assert "no credentials yet" in page
    assert "Зайцева Анна" not in page  # no longer in the class


def test_an_order_with_a_bad_line_changes_nothing(school, school_class, director, enrol):
    (pupil,) = enrol(("Орлов", "Пётр"))
    order = order_create(
        school,
        OrderKind.EXPULSION,
        director,
        {"person": pupil},
        {"last_name": "Никто"},  # nobody chosen
        apply=False,
    )
    with pytest.raises(ValidationError) as refused:
        order_apply(order=order, actor=director)
    assert refused.value.messages == ["Line 2 (Никто): choose the person."]
    pupil.refresh_from_db()
    assert pupil.is_active
    order.refresh_from_db()
    assert not order.is_applied
    assert not AuditEvent.objects.filter(kind=AuditKind.ORDER_APPLIED, target=str(order)).exists()


def test_an_applied_order_cannot_be_changed_or_deleted(school, school_class, director, enrol):
    enrol(("Орлов", "Пётр"))
    order = order_create(
        school,
        OrderKind.ENROLMENT,
        director,
        {"last_name": "Новиков", "first_name": "Олег", "school_class": school_class},
    )
    order.title = "Исправленный"
    with pytest.raises(AppliedOrderError):
        order.save()
    with pytest.raises(AppliedOrderError):
        order.delete()
    line = order.lines.get()
    with pytest.raises(AppliedOrderError):
        line.delete()
    with pytest.raises(ValidationError):
        order_apply(order=order, actor=director)


def test_a_transfer_keeps_the_history_of_classes(school, school_class, director, enrol, teacher):
    (pupil,) = enrol(("Орлов", "Пётр"))
    other = SchoolClass.objects.create(school=school, name="5Б", year=school_class.year)
    order_create(school, OrderKind.TRANSFER, director, {"person": pupil, "school_class": other})
    history = ClassMembership.objects.filter(user=pupil).order_by("pk")
    assert [(m.school_class.name, m.ended_on is None) for m in history] == [
        ("5А", False),
        ("5Б", True),
    ]


def test_hiring_and_dismissal_move_permissions_with_the_position(school, director):
    position = Position.objects.get_or_create(code="class_teacher", name="Классный руководитель")[0]
    order = order_create(
        school,
        OrderKind.HIRING,
        director,
        {"last_name": "Смирнова", "first_name": "Мария", "position": position},
    )
    person = order.lines.get().person
    assert person.username == "smirnova.m"
    order_create(school, OrderKind.DISMISSAL, director, {"person": person})
    person = User.objects.get(pk=person.pk)
    assert not person.is_active
    kinds = list(
        AuditEvent.objects.filter(subject=person).order_by("pk").values_list("kind", flat=True)
    )
    assert kinds == [AuditKind.PRIVILEGE_GRANTED, AuditKind.PRIVILEGE_REVOKED, AuditKind.BLOCK]
