"""Addresses the administrator entered before confirmation was required keep working: they
become their owners' confirmed addresses, except an address on two accounts."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.migrating import migrate

CONFIRMED = ("accounts", "0011_addresses_set_by_the_administrator_confirmed")
BEFORE = ("accounts", "0010_school_in_core")


@pytest.mark.django_db(transaction=True)
def test_addresses_set_by_the_administrator_count_as_confirmed(every_migration_back):
    migrate(BEFORE)
    teacher = User.objects.create_user(
        "belova.i", password="пароль-учителя-29", email="Belova@School.example.ru"
    )
    twins = [
        User.objects.create_user(name, email="family@example.ru")
        for name in ("ivanov.a", "ivanov.b")
    ]
    pupil = User.objects.create_user("kuznetsov.a")

    migrate(CONFIRMED)

    address = EmailAddress.objects.get(user=teacher)
    assert (address.email, address.verified, address.primary) == (
        "belova@school.example.ru",
        True,
        True,
    )
    assert not EmailAddress.objects.filter(user__in=[*twins, pupil]).exists()
    client = Client()
    client.post(
        reverse("account_login"),
        {"login": "belova@school.example.ru", "password": "пароль-учителя-29"},
    )
    assert client.session["_auth_user_id"] == str(teacher.pk)
