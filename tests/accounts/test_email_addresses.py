"""E-mail addresses (SPEC §3; regulation §12.3: credentials are personal). An address a
person adds counts only once confirmed through the link sent to it; an address another
account uses is never taken over; accounts come from orders, so no mail invites sign-up."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.clients import signed_in

pytestmark = pytest.mark.django_db

PASSWORD = "пароль-ученика-29"
TEACHER_PASSWORD = "пароль-учителя-29"
TEACHER_ADDRESS = "belova@school.example.ru"


@pytest.fixture
def pupil(db):
    return User.objects.create_user("kuznetsov.a", password=PASSWORD, last_name="Кузнецов")


@pytest.fixture
def colleague(db):
    """A teacher whose address the administrator entered in her account."""
    return User.objects.create_user(
        "belova.i", password=TEACHER_PASSWORD, last_name="Белова", email=TEACHER_ADDRESS
    )


def log_in(login, password) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": login, "password": password})
    return client


def logged_in_as(client) -> str | None:
    return client.session.get("_auth_user_id")


def link_in(message, part) -> str:
    return next(word for word in message.body.split() if part in word)


def add_address(client, email):
    return client.post(reverse("account_email"), {"email": email, "action_add": ""})


def confirm(link) -> None:
    page = Client().get(link)
    assert page.status_code == 200
    Client().post(link)


def test_an_added_address_logs_in_only_once_confirmed_through_its_link(pupil):
    add_address(signed_in(pupil), "artem@example.ru")

    (message,) = mail.outbox
    assert message.to == ["artem@example.ru"]
    assert not logged_in_as(log_in("artem@example.ru", PASSWORD))

    confirm(link_in(message, "/accounts/confirm-email/"))

    assert logged_in_as(log_in("Artem@Example.ru", PASSWORD)) == str(pupil.pk)


def test_reset_links_go_only_to_a_confirmed_address(client, pupil):
    add_address(signed_in(pupil), "artem@example.ru")
    mail.outbox.clear()

    client.post(reverse("account_reset_password"), {"email": "artem@example.ru"})

    (message,) = mail.outbox
    assert "/password/reset/key/" not in message.body


def test_an_address_another_account_uses_is_not_taken_over(pupil, colleague, settings):
    # allauth sends one link per address every 3 minutes; the teacher asks later than that.
    settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = 0
    intruder = signed_in(pupil)
    add_address(intruder, TEACHER_ADDRESS)
    # It cannot become the intruder's address before it is confirmed …
    intruder.post(reverse("account_email"), {"email": TEACHER_ADDRESS, "action_primary": ""})
    pupil.refresh_from_db()
    assert pupil.email == ""
    # … it does not log in to the intruder's account …
    assert not logged_in_as(log_in(TEACHER_ADDRESS, PASSWORD))
    # … and the link, opened by the teacher who received it, does not give it away.
    confirm(link_in(mail.outbox[-1], "/accounts/confirm-email/"))
    assert not EmailAddress.objects.filter(user=pupil, verified=True).exists()

    # The teacher confirms it for her own account, and logs in with it.
    owner = signed_in(colleague)
    owner.post(reverse("account_email"), {"email": TEACHER_ADDRESS, "action_send": ""})
    confirm(link_in(mail.outbox[-1], "/accounts/confirm-email/"))
    assert logged_in_as(log_in(TEACHER_ADDRESS, TEACHER_PASSWORD)) == str(colleague.pk)
    assert not logged_in_as(log_in(TEACHER_ADDRESS, PASSWORD))


def test_removing_the_accounts_address_leaves_no_unconfirmed_one_in_its_place(pupil, colleague):
    pupil.email = "artem@example.ru"  # entered by the administrator
    pupil.save()
    intruder = signed_in(pupil)
    add_address(intruder, TEACHER_ADDRESS)
    intruder.post(reverse("account_email"), {"email": "artem@example.ru", "action_remove": ""})
    pupil.refresh_from_db()
    assert pupil.email == "artem@example.ru"


def test_staff_change_their_address_only_where_it_is_confirmed(director):
    page = signed_in(director).get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="name_email-email"' not in page


def test_the_mail_for_an_unknown_address_sends_to_the_administrator_not_to_sign_up(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.ru"})

    (message,) = mail.outbox
    assert reverse("account_signup") not in message.body
    assert "system administrator" in message.body
    assert "class teacher" in message.body
