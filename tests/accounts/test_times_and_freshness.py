"""Screens tell the truth at once: moments in the school's time zone (settings.TIME_ZONE,
Europe/Moscow), a new version of the terms of use asked for on the next request
(regulation §13.4), and «Open sessions» without the sessions a new password ended."""

import datetime
import re
from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Block, BlockKind, Order, OrderKind, TermsVersion, User, UserSession
from accounts.services.blocking import account_block
from tests.clients import signed_in
from tests.factories import order_create

pytestmark = pytest.mark.django_db

# 21:30 in UTC is already the next day in Moscow (00:30).
LATE_EVENING_UTC = datetime.datetime(2025, 5, 12, 21, 30, tzinfo=datetime.UTC)


def test_the_order_page_shows_when_it_was_applied_in_the_schools_time(school, director, enrol):
    enrol(("Иванов", "Пётр"))
    order = Order.objects.get()
    Order.objects.filter(pk=order.pk).update(applied_at=LATE_EVENING_UTC)

    page = signed_in(director).get(reverse("orders:inspect", args=[order.pk])).content.decode()

    assert "May 13, 2025" in page
    assert "May 12, 2025" not in page


def test_the_person_page_shows_blocks_in_the_schools_time(director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    account_block(user=pupil, kind=BlockKind.ADMINISTRATOR, reason="Пароль узнали")
    Block.objects.update(blocked_at=LATE_EVENING_UTC)

    page = signed_in(director).get(reverse("people:inspect", args=[pupil.pk])).content.decode()

    assert "05/13/2025" in page
    assert "05/12/2025" not in page


def test_a_draft_order_page_shows_no_none(school, director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    draft = order_create(school, OrderKind.EXPULSION, director, {"person": pupil}, apply=False)

    page = signed_in(director).get(reverse("orders:inspect", args=[draft.pk])).content.decode()

    assert not re.search(r"<dd>\s*None\s*</dd>", page)


def test_a_new_terms_version_published_in_the_admin_is_asked_for_on_the_next_request(
    director, teacher, terms, django_capture_on_commit_callbacks
):
    for person in (director, teacher):
        person.terms_acceptances.create(version=terms)
    reader = signed_in(teacher)
    assert reader.get(reverse("cabinet")).status_code == 200  # the version in force is cached

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(director).post(
            reverse("terms:add"),
            {
                "version": "2",
                "title": "Правила использования ЭИОС, редакция 2",
                "text": "Пароль меняют не реже раза в год.",
                "published_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            },
        )
    assert response.status_code == 302
    new = TermsVersion.objects.get(version="2")

    response = reader.get(reverse("cabinet"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("terms_accept"))
    assert reader.get(response["Location"]).context["version"] == new


PASSWORD, NEW_PASSWORD = "старый-пароль-29", "новый-пароль-2026"


def test_a_password_change_ends_the_other_sessions_and_the_list_shows_only_this_one(
    db, django_capture_on_commit_callbacks
):
    User.objects.create_user("kuznetsov.a", password=PASSWORD, last_name="Кузнецов")
    phone, laptop = Client(), Client()
    for device in (phone, laptop):
        device.post(reverse("account_login"), {"login": "kuznetsov.a", "password": PASSWORD})
    phone_key = phone.cookies["sessionid"].value

    # Sessions end once the change is committed (the test's transaction never is).
    with django_capture_on_commit_callbacks(execute=True):
        response = laptop.post(
            reverse("account_change_password"),
            {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
    assert response.status_code == 302

    cabinet = laptop.get(reverse("cabinet"))
    assert cabinet.status_code == 200
    listed = cabinet.context["sessions"]
    assert [s.session_key for s in listed] == [laptop.cookies["sessionid"].value]
    assert "(this one)" in cabinet.content.decode()
    assert not UserSession.objects.filter(session_key=phone_key).exists()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert not store().exists(phone_key)
    response = phone.get(reverse("cabinet"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
