"""Blocking, unblocking and new credentials, as the office and the class teacher meet
them (regulation §6.7, §12.2, §5.6):

- nobody blocks, unblocks or resets an account that holds more than they do
  (superuser > system administrator > everyone else), and screens opened by id ask
  what the list that links to them asks;
- a §12.2 block discards the compromised password: lifting it goes with a new one-time
  password, and the old one never works again;
- a class teacher blocks from the class page after a confirmation and comes back to it.
"""

import contextlib
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts.events import account_blocked
from accounts.models import Block, BlockKind, OrderKind, User, UserSession
from accounts.services.blocking import account_block
from accounts.services.orders import order_apply
from eios.audit import AuditEvent, AuditKind
from tests.clients import log_in, signed_in
from tests.factories import admin_person_create, order_create
from tests.slips import slip_passwords

pytestmark = pytest.mark.django_db

OLD_PASSWORD = "old-secret-password-29"
NEW_PASSWORD = "ёлка-в-лесу-2026"


def system_administrator(*extra) -> User:
    """The demo school's «system administrator»: no superuser, holds the blocking
    permission and reads People."""
    return admin_person_create(
        "sysadmin",
        "block_user",
        "issue_credentials",
        "view_user",
        "change_user",
        *extra,
        last_name="Сисадминов",
    )


def logged_in_as(client) -> str | None:
    return client.session.get("_auth_user_id")


@pytest.fixture
def pupil(enrol):
    (pupil,) = enrol(("Кузнецов", "Антон"))
    pupil.set_password(OLD_PASSWORD)
    pupil.save()
    return pupil


# Blocking upwards ------------------------------------------------------------------------


def test_a_system_administrator_cannot_block_the_superuser(director):
    client = signed_in(system_administrator())
    url = reverse("people:block", args=[director.pk])

    person_page = client.get(reverse("people:inspect", args=[director.pk])).content.decode()
    assert url not in person_page
    assert client.get(url).status_code == 302  # sent away, as Wagtail refuses
    response = client.post(url, {"reason": "Захват"})

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    director.refresh_from_db()
    assert director.is_active
    assert not Block.objects.exists()


def test_a_system_administrator_cannot_unblock_the_superuser(director):
    other = User.objects.create_superuser("root2", password="pass-29")
    account_block(user=other, kind=BlockKind.ADMINISTRATOR, reason="Уволен", actor=director)
    client = signed_in(system_administrator())

    client.post(reverse("people:unblock", args=[other.pk]), {"reason": "Вернулся"})

    other.refresh_from_db()
    assert not other.is_active


def test_a_system_administrator_cannot_reset_the_superusers_password(director):
    client = signed_in(system_administrator())

    letter = client.post(reverse("people:credentials", args=[director.pk]))
    edit = client.post(
        reverse("wagtailusers_users:edit", args=[director.pk]),
        {
            "username": director.username,
            "email": "root@example.ru",
            "first_name": "Взлом",
            "last_name": "Взлом",
            "password1": "taken-over-29",
            "password2": "taken-over-29",
        },
    )

    assert letter.status_code == edit.status_code == 302
    director.refresh_from_db()
    assert director.check_password("director-pass-29")
    assert not AuditEvent.objects.filter(kind=AuditKind.CREDENTIALS_ISSUED).exists()


def test_nobody_else_makes_administrators_or_changes_groups_in_the_user_editor(pupil):
    sysadmin = system_administrator()
    client = signed_in(sysadmin)
    form = client.get(reverse("wagtailusers_users:edit", args=[pupil.pk])).content.decode()
    assert 'name="is_superuser"' not in form
    assert 'name="groups"' not in form
    client.post(
        reverse("wagtailusers_users:edit", args=[pupil.pk]),
        {
            "username": pupil.username,
            "email": "p@example.ru",
            "first_name": "Антон",
            "last_name": "Кузнецов",
            "is_superuser": "on",
        },
    )
    pupil.refresh_from_db()
    assert not pupil.is_superuser


def test_the_person_screens_ask_what_the_people_list_asks(pupil):
    # Holds the blocking permission but may not read People: no screen of a person opens.
    clerk = admin_person_create("clerk", "block_user", last_name="")
    client = signed_in(clerk)
    assert client.get(reverse("people:index")).status_code == 302
    for name in ("people:block", "people:credentials"):
        assert client.post(reverse(name, args=[pupil.pk]), {"reason": "x"}).status_code == 302
    pupil.refresh_from_db()
    assert pupil.is_active
    assert pupil.check_password(OLD_PASSWORD)


def test_a_system_administrator_blocks_and_unblocks_others(pupil):
    client = signed_in(system_administrator())
    client.post(reverse("people:block", args=[pupil.pk]), {"reason": "Нарушение правил"})
    pupil.refresh_from_db()
    assert not pupil.is_active
    client.post(reverse("people:unblock", args=[pupil.pk]), {"reason": "Разобрались"})
    pupil.refresh_from_db()
    assert pupil.is_active
    # A block by the administrator is not for a compromised password: it still works.
    assert pupil.check_password(OLD_PASSWORD)


# Compromised credentials (§12.2) -----------------------------------------------------------


def test_after_a_self_block_the_old_password_never_works_again(pupil, director):
    client = Client()
    log_in(client, pupil.username, OLD_PASSWORD)
    client.post(reverse("block_self"), {"reason": "Пароль увидел сосед"})

    admin = signed_in(director)
    form = admin.get(reverse("people:unblock", args=[pupil.pk])).content.decode()
    assert "new one-time password" in form
    response = admin.post(reverse("people:unblock", args=[pupil.pk]), {"reason": "Проверено"})

    # Unblocking hands out a printed letter with a new one-time password …
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    password = slip_passwords(response.content, [pupil.username])[pupil.username]
    pupil.refresh_from_db()
    assert pupil.is_active
    assert pupil.must_change_password
    # … and the compromised password is dead for good.
    stranger = Client()
    log_in(stranger, pupil.username, OLD_PASSWORD)
    assert logged_in_as(stranger) is None
    log_in(client, pupil.username, password)
    assert logged_in_as(client) == str(pupil.pk)
    assert client.get(reverse("cabinet"))["Location"] == reverse("account_change_password")
    issued = AuditEvent.objects.filter(kind=AuditKind.CREDENTIALS_ISSUED, subject=pupil)
    assert issued.get().actor == director


def test_a_class_teachers_block_discards_the_password_too(pupil, teacher):
    signed_in(teacher).post(reverse("block_pupil", args=[pupil.pk]), {"reason": "Пароль узнали"})
    pupil.refresh_from_db()
    assert not pupil.is_active
    assert not pupil.has_usable_password()
    assert pupil.blocks.get().kind == BlockKind.CLASS_TEACHER


def test_a_block_by_order_keeps_the_password_for_re_enrolment(pupil):
    account_block(user=pupil, kind=BlockKind.ORDER, reason="Приказ об отчислении")
    pupil.refresh_from_db()
    assert pupil.check_password(OLD_PASSWORD)


# Blocking from the class page --------------------------------------------------------------


def test_blocking_from_the_class_page_asks_first_and_returns_there(pupil, teacher, school_class):
    client = signed_in(teacher)
    class_page = reverse("class_detail", args=[school_class.pk])
    link = (
        BeautifulSoup(client.get(class_page).content, "html.parser")
        .find("a", href=lambda href: href and "/block/" in href)
        .get("href")
    )

    confirmation = client.get(link)

    assert confirmation.status_code == 200
    text = confirmation.content.decode()
    assert "Кузнецов Антон" in text
    assert pupil.username in text
    pupil.refresh_from_db()
    assert pupil.is_active  # nothing happens before the confirmation

    form = BeautifulSoup(confirmation.content, "html.parser").find("textarea").find_parent("form")
    fields = {
        field["name"]: field.get("value") or field.get_text()
        for field in form.find_all(["input", "textarea"])
    }
    response = client.post(link, fields)

    assert response.status_code == 302
    assert response.url == class_page
    pupil.refresh_from_db()
    assert not pupil.is_active
    assert "Only the system administrator can unblock" in client.get(class_page).content.decode()


def test_blocking_never_sends_the_teacher_off_the_site(pupil, teacher, school_class):
    response = signed_in(teacher).post(
        reverse("block_pupil", args=[pupil.pk]),
        {"reason": "Пароль узнали", "next": "https://evil.example/"},
    )
    assert response.url == reverse("class_detail", args=[school_class.pk])


def test_the_blocked_account_page_says_who_can_unblock(client):
    page = client.get(reverse("account_inactive")).content.decode()
    assert "Only the school's system administrator can unblock the account" in page
    assert "ask your class teacher" not in page


def test_a_rolled_back_expulsion_leaves_every_session_alive(
    pupil, school, director, django_capture_on_commit_callbacks
):
    phone = Client()
    log_in(phone, pupil.username, OLD_PASSWORD)
    order = order_create(school, OrderKind.EXPULSION, director, {"person": pupil}, apply=False)

    with (
        django_capture_on_commit_callbacks(execute=True),
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        order_apply(order=order, actor=director)
        raise RuntimeError("the power went out before the commit")

    pupil.refresh_from_db()
    assert pupil.is_active
    assert phone.get(reverse("cabinet")).status_code == 200
    assert UserSession.objects.filter(user=pupil).exists()


def test_a_committed_expulsion_ends_the_sessions(
    pupil, school, director, django_capture_on_commit_callbacks
):
    phone = Client()
    log_in(phone, pupil.username, OLD_PASSWORD)
    key = phone.cookies["sessionid"].value
    with django_capture_on_commit_callbacks(execute=True):
        order_create(school, OrderKind.EXPULSION, director, {"person": pupil})
    assert not import_module(settings.SESSION_ENGINE).SessionStore().exists(key)


def test_other_apps_hear_of_a_block_once_it_is_committed(pupil, django_capture_on_commit_callbacks):
    heard = []

    def receiver(sender, user, block, **kwargs):
        heard.append((user.pk, block.kind))

    account_blocked.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            account_block(user=pupil, kind=BlockKind.ADMINISTRATOR, reason="Проверка")
    finally:
        account_blocked.disconnect(receiver)
    assert heard == [(pupil.pk, BlockKind.ADMINISTRATOR)]
