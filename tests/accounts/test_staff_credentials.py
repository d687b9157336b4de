"""Staff credentials (regulation §6.6, §9.4, §9.7): a hiring order registers the account
as enrolment does, the administrator prints a letter with a one-time password (no
e-mail address needed), and a password typed in Wagtail's user editor is a one-time
password too — changed at the first login, audited as issued credentials."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import OrderKind, Position
from eios.audit import AuditEvent, AuditKind
from tests.clients import log_in, signed_in
from tests.factories import order_create
from tests.slips import slip_passwords

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ёлка-в-лесу-2026"


@pytest.fixture
def hired(school, director):
    position = Position.objects.create(code="teacher", name="Учитель")
    order = order_create(
        school,
        OrderKind.HIRING,
        director,
        {
            "last_name": "Соколова",
            "first_name": "Вера",
            "patronymic": "Павловна",
            "position": position,
        },
    )
    return order.lines.get().person


def test_a_hired_teacher_gets_a_printed_letter_and_must_change_the_password(
    director, hired, school_site
):
    assert hired.email == ""
    assert not hired.has_usable_password()
    admin = signed_in(director)
    person_page = admin.get(reverse("people:inspect", args=[hired.pk])).content.decode()
    assert reverse("people:credentials", args=[hired.pk]) in person_page

    response = admin.post(reverse("people:credentials", args=[hired.pk]))

    assert response["Content-Type"] == "application/pdf"
    password = slip_passwords(response.content, [hired.username])[hired.username]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Соколова Вера Павловна" in text
    assert "Учитель" in text
    client = Client()
    log_in(client, hired.username, password)
    assert client.get(reverse("cabinet"))["Location"] == reverse("account_change_password")
    event = AuditEvent.objects.get(kind=AuditKind.CREDENTIALS_ISSUED, subject=hired)
    assert event.actor == director


def test_a_password_typed_in_the_user_editor_must_be_changed_and_is_audited(director, hired):
    signed_in(director).post(
        reverse("wagtailusers_users:edit", args=[hired.pk]),
        {
            "username": hired.username,
            "email": "sokolova@example.ru",
            "first_name": hired.first_name,
            "last_name": hired.last_name,
            "password1": "typed-by-admin-2026",
            "password2": "typed-by-admin-2026",
        },
    )
    hired.refresh_from_db()
    assert hired.check_password("typed-by-admin-2026")
    assert hired.must_change_password
    event = AuditEvent.objects.get(kind=AuditKind.CREDENTIALS_ISSUED, subject=hired)
    assert event.actor == director
    assert event.details["typed_by_administrator"] is True


def test_a_blocked_person_gets_no_letter(director, hired, school):
    order_create(school, OrderKind.DISMISSAL, director, {"person": hired})
    response = signed_in(director).post(reverse("people:credentials", args=[hired.pk]))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(kind=AuditKind.CREDENTIALS_ISSUED).exists()
