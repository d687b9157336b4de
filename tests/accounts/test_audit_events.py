"""Each security event of the administrator's list (SPEC §3, item 9) is written to the
audit log exactly once, with who, whose account, address and time."""

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import OrderKind
from accounts.services.blocking import account_unblock
from eios.audit import AuditEvent, AuditKind
from tests.factories import order_create

pytestmark = pytest.mark.django_db

PASSWORD = "пароль-учителя-29"
NEW_PASSWORD = "новый-пароль-учителя-29"


def test_every_event_of_a_life_cycle_is_logged_exactly_once(
    teacher, director, school, school_class, terms, student_position
):
    teacher.set_password(PASSWORD)
    teacher.save()
    before = set(AuditEvent.objects.values_list("pk", flat=True))

    client = Client(REMOTE_ADDR="10.0.0.9")
    client.post(reverse("account_login"), {"login": teacher.username, "password": "неверный"})
    client.post(reverse("account_login"), {"login": teacher.username, "password": PASSWORD})
    client.post(reverse("terms_accept"), {"accept": terms.pk})
    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    client.post(reverse("account_logout"))
    order = order_create(
        school,
        OrderKind.ENROLMENT,
        director,
        {"last_name": "Орлов", "first_name": "Пётр", "school_class": school_class},
    )
    pupil = order.lines.get().person
    order_create(school, OrderKind.EXPULSION, director, {"person": pupil})
    account_unblock(user=pupil, reason="Ошибочное отчисление", actor=director)

    new = AuditEvent.objects.exclude(pk__in=before)
    assert Counter(new.values_list("kind", flat=True)) == {
        AuditKind.LOGIN_FAILED: 1,
        AuditKind.LOGIN: 1,
        AuditKind.TERMS_ACCEPTED: 1,
        AuditKind.PASSWORD_CHANGE: 1,
        AuditKind.LOGOUT: 1,
        AuditKind.ORDER_APPLIED: 2,  # enrolment and expulsion
        AuditKind.PRIVILEGE_GRANTED: 1,  # the pupil's position «Обучающийся»
        AuditKind.PRIVILEGE_REVOKED: 1,  # … ended by the expulsion
        AuditKind.BLOCK: 1,
        AuditKind.UNBLOCK: 1,
    }
    login = new.get(kind=AuditKind.LOGIN)
    assert (login.actor, login.subject, login.address) == (teacher, teacher, "10.0.0.9")
    block = new.get(kind=AuditKind.BLOCK)
    assert (block.actor, block.subject) == (director, pupil)
    assert block.target.startswith("Order №")
