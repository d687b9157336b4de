"""Password reset and blocking (regulation §12.2): credentials that may be compromised stay
dead. A reset link mailed before a block sets no password after it, not even once the
account is unblocked; a blocked account gets no reset link."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import BlockKind
from accounts.services.blocking import account_block, account_unblock
from tests.factories import person_create

pytestmark = pytest.mark.django_db

PASSWORD = "верный-пароль-29"
NEW_PASSWORD = "пароль-злоумышленника-1"


@pytest.fixture
def pupil(db):
    return person_create(
        "kuznetsov.a", password=PASSWORD, last_name="", confirmed_email="artem@example.ru"
    )


def reset_link(client, email) -> str:
    client.post(reverse("account_reset_password"), {"email": email})
    return next(w for w in mail.outbox[-1].body.split() if "/password/reset/key/" in w)


def set_password_through(client, link):
    """Open the link and submit a new password, as a browser does; the final page."""
    opened = client.get(link, follow=True)
    form_url = opened.redirect_chain[-1][0] if opened.redirect_chain else link
    return client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})


def test_a_link_mailed_before_a_block_sets_no_password_while_blocked_or_after(client, pupil):
    link = reset_link(client, pupil.email)

    account_block(user=pupil, kind=BlockKind.SELF, reason="Пароль увидел сосед")
    response = set_password_through(client, link)
    assert "password reset link was invalid" in response.content.decode()

    account_unblock(user=pupil, reason="Выданы новые учётные данные")
    response = set_password_through(client, link)
    assert "password reset link was invalid" in response.content.decode()

    pupil.refresh_from_db()
    assert not pupil.check_password(NEW_PASSWORD)
    # The §12.2 block discarded the compromised password too: only new credentials work.
    assert not pupil.has_usable_password()


def test_a_blocked_account_gets_no_reset_link(client, pupil):
    account_block(user=pupil, kind=BlockKind.SELF, reason="Пароль увидел сосед")
    client.post(reverse("account_reset_password"), {"email": pupil.email})
    (message,) = mail.outbox
    assert "/password/reset/key/" not in message.body
    assert "system administrator" in message.body


def test_a_link_mailed_after_unblocking_works(client, pupil):
    account_block(user=pupil, kind=BlockKind.SELF, reason="Пароль увидел сосед")
    account_unblock(user=pupil, reason="Выданы новые учётные данные")
    set_password_through(client, reset_link(client, pupil.email))
    pupil.refresh_from_db()
    assert pupil.check_password(NEW_PASSWORD)
