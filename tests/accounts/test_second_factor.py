"""A second factor (allauth's TOTP) at login, and what a login costs the database: the
query that finds the account also tells whether it has one (`accounts.mfa`)."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from eios.audit import AuditEvent, AuditKind
from tests.clients import log_in
from tests.factories import person_create

pytestmark = pytest.mark.django_db

PASSWORD = "верный-пароль-29"


@pytest.fixture
def teacher(db):
    return person_create("sokolova.m", password=PASSWORD, last_name="Соколова")


def test_an_account_with_an_authenticator_app_is_asked_for_its_code(client, teacher):
    TOTP.activate(teacher, generate_totp_secret())

    response = log_in(client, "SOKOLOVA.M", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()


def test_recovery_codes_alone_are_no_second_step(client, teacher):
    Authenticator.objects.create(
        user=teacher, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00" * 20}
    )

    response = log_in(client, teacher.username, PASSWORD)

    assert response["Location"] == reverse("cabinet")
    assert client.session["_auth_user_id"] == str(teacher.pk)


def test_a_login_costs_a_fixed_number_of_statements(
    client, teacher, settings, django_assert_max_num_queries
):
    settings.SESSION_ENGINE = "eios.session_store"  # as with Redis
    # Find the account (with its second factor), then in one transaction: the last
    # login, the session's index, the audit event (lock on PostgreSQL, head, insert).
    with django_assert_max_num_queries(8) as statements:
        response = log_in(client, teacher.username, PASSWORD)

    # Django's own last-login writer (a whole `User.save()`) stays out.
    writes = [q["sql"] for q in statements.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(writes) == 1
    assert '"last_login"' in writes[0]
    assert response["Location"] == reverse("cabinet")
    assert AuditEvent.objects.filter(kind=AuditKind.LOGIN, subject=teacher).exists()
    assert teacher.sessions.count() == 1
    teacher.refresh_from_db()
    assert teacher.last_login is not None
