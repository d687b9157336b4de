"""The whole life of a pupil's account through the real views (regulation §6.5–§6.7,
§9.4–§9.7, §6.4): enrolment → slip → first login → new password → terms → cabinet;
expulsion → the open session dies and login is refused; re-enrolment → back in."""

import pytest
from django.urls import reverse

from accounts.models import Block, ClassMembership, OrderKind, User
from eios.audit import AuditEvent, AuditKind
from tests.clients import log_in
from tests.factories import order_create
from tests.slips import slip_passwords

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ёлка-в-лесу-2026"


def test_a_pupils_account_from_enrolment_to_expulsion_and_back(
    client, teacher, director, school, school_class, terms, enrol
):
    (pupil,) = enrol(("Ёлкин", "Егор"))
    assert pupil.username == "yolkin.ye"
    assert not pupil.has_usable_password()  # nobody can log in before the slip

    # The class teacher prints the slips of the class.
    teacher_client = client.__class__()
    teacher_client.force_login(teacher)
    teacher_client.post(reverse("terms_accept"), {"accept": terms.pk})
    response = teacher_client.post(
        reverse("credential_slips", args=[school_class.pk]), {"pupil": [pupil.pk]}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    password = slip_passwords(response.content, [pupil.username])[pupil.username]

    # First login: the one-time password must be replaced before anything else.
    response = log_in(client, pupil.username, password)
    assert response.status_code == 302
    response = client.get(reverse("cabinet"))
    assert response["Location"] == reverse("account_change_password")
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    pupil.refresh_from_db()
    assert not pupil.must_change_password

    # Then the rules of use, until accepted.
    response = client.get(reverse("cabinet"))
    assert response["Location"].startswith(reverse("terms_accept"))
    page = client.get(response["Location"]).content.decode()
    assert "Не передавайте свой логин и пароль другим лицам." in page
    client.post(reverse("terms_accept"), {"accept": terms.pk, "next": reverse("cabinet")})
    assert pupil.terms_acceptances.get().version == terms

    cabinet = client.get(reverse("cabinet"))
    assert cabinet.status_code == 200
    assert "Ёлкин Егор" in cabinet.content.decode()

    # Expulsion: the open session is dead on the next request …
    order_create(school, OrderKind.EXPULSION, director, {"person": pupil})
    response = client.get(reverse("cabinet"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

    # … and the login is refused with a message saying why.
    response = log_in(client, pupil.username, NEW_PASSWORD)
    assert response["Location"] == reverse("account_inactive")
    assert "This account is blocked" in client.get(response["Location"]).content.decode()

    # Nothing of the pupil is deleted; the administrator sees the reason and the order.
    pupil.refresh_from_db()
    assert not pupil.is_active
    block = Block.objects.get(user=pupil, lifted_at__isnull=True)
    assert block.order.kind == OrderKind.EXPULSION
    assert ClassMembership.objects.filter(user=pupil).count() == 1
    assert AuditEvent.objects.filter(subject=pupil, kind=AuditKind.TERMS_ACCEPTED).exists()

    # Re-enrolment unblocks: the same login and password work again.
    order_create(
        school, OrderKind.ENROLMENT, director, {"person": pupil, "school_class": school_class}
    )
    log_in(client, pupil.username, NEW_PASSWORD)
    assert client.get(reverse("cabinet")).status_code == 200
    assert User.objects.filter(username="yolkin.ye").count() == 1
