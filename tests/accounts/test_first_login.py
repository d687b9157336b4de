"""A pupil's first login as a browser follows it (regulation §9.7: the one-time password
is replaced first; §6.4: the rules of use are accepted before any work)."""

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db

ONE_TIME = "Kx7mPq2wRt"
NEW_PASSWORD = "ёлка-в-лесу-2026"


@pytest.fixture
def new_pupil(db):
    return User.objects.create_user(
        "yolkin.ye",
        password=ONE_TIME,
        last_name="Ёлкин",
        first_name="Егор",
        must_change_password=True,
    )


def test_after_the_new_password_and_the_rules_a_new_pupil_lands_in_the_cabinet(
    client, new_pupil, terms
):
    response = client.post(
        reverse("account_login"), {"login": new_pupil.username, "password": ONE_TIME}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("account_change_password")

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": ONE_TIME, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        follow=True,
    )
    # The rules come next, and they lead on to the cabinet.
    terms_page = response.redirect_chain[-1][0]
    assert terms_page.startswith(reverse("terms_accept"))
    response = client.post(terms_page, {"accept": terms.pk}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("cabinet")
    assert response.status_code == 200
    assert "Ёлкин Егор" in response.content.decode()
    # … and stays there: neither the password form nor the rules come back.
    again = client.get(reverse("cabinet"))
    assert again.status_code == 200
    new_pupil.refresh_from_db()
    assert not new_pupil.must_change_password
    assert new_pupil.terms_acceptances.get().version == terms
