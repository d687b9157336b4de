"""An order is applied as it was signed (regulation §6.5): the office copies its number,
date and signatory from the paper; a draft from a class-list upload has none of them and
cannot be applied as «Приказ № проект-054446»."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import ClassMembership, Order, OrderKind
from tests.factories import SIGNED, order_create

from .conftest import order_edit_form
from .files import good_pupils, xlsx_pupils

pytestmark = pytest.mark.django_db


def upload(client, school_class):
    return client.post(
        reverse("class_list_upload", args=[school_class.pk]),
        {"file": SimpleUploadedFile("5a.xlsx", xlsx_pupils(good_pupils()))},
    )


def test_a_draft_from_a_class_list_is_applied_only_with_the_signed_orders_details(
    teacher_client, office, school_class, student_position
):
    upload(teacher_client, school_class)
    draft = Order.objects.get()
    assert (draft.number, draft.date, draft.signatory_name) == ("", None, "")
    apply_url = reverse("orders:apply", args=[draft.pk])

    confirmation = office.get(apply_url).content.decode()
    assert "Enter the number of the signed order." in confirmation
    assert "Enter the date of the signed order." in confirmation
    assert "Enter who signed the order: name and position." in confirmation
    assert "Yes, apply the order" not in confirmation
    refused = office.post(apply_url)
    assert refused.status_code == 200
    draft.refresh_from_db()
    assert not draft.is_applied
    assert not ClassMembership.objects.exists()

    signed_on = timezone.localdate() - datetime.timedelta(days=1)
    edited = office.post(
        reverse("orders:edit", args=[draft.pk]),
        order_edit_form(draft, number="54-у", date=signed_on.isoformat(), **SIGNED),
    )
    assert edited.status_code == 302
    applied = office.post(apply_url)

    assert applied.status_code == 302
    draft.refresh_from_db()
    assert draft.is_applied
    assert str(draft) == f"Order № 54-у of {signed_on:%d.%m.%Y}"
    assert ClassMembership.objects.filter(started_on=signed_on).count() == len(good_pupils())
    page = office.get(reverse("orders:inspect", args=[draft.pk])).content.decode()
    assert "Сергеев П. И." in page
    assert "директор" in page


def test_two_class_list_uploads_in_the_same_second_make_two_drafts(
    teacher_client, school_class, monkeypatch
):
    # The old drafts were numbered by the time of the upload, to the second.
    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)

    first = upload(teacher_client, school_class)
    second = upload(teacher_client, school_class)

    assert first.status_code in {200, 302}
    assert second.status_code in {200, 302}
    assert Order.objects.filter(applied_at__isnull=True).count() == 2


def test_an_order_dated_in_the_future_is_not_applied(office, school, director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    order = order_create(school, OrderKind.EXPULSION, director, {"person": pupil}, apply=False)
    Order.objects.filter(pk=order.pk).update(date=timezone.localdate() + datetime.timedelta(days=1))

    response = office.post(reverse("orders:apply", args=[order.pk]))

    assert response.status_code == 200
    assert "The date of the order is in the future." in response.content.decode()
    pupil.refresh_from_db()
    assert pupil.is_active


def test_a_number_the_school_already_used_that_day_is_refused_by_the_form(
    office, school, director, enrol
):
    (pupil,) = enrol(("Иванов", "Пётр"))
    used = Order.objects.get()
    draft = order_create(school, OrderKind.EXPULSION, director, {"person": pupil}, apply=False)

    response = office.post(
        reverse("orders:edit", args=[draft.pk]),
        order_edit_form(draft, number=used.number, date=used.date.isoformat()),
    )

    assert response.status_code == 200
    assert "already has an order with this number and date" in response.content.decode()
    draft.refresh_from_db()
    assert draft.number != used.number


def test_drafts_numbered_by_the_old_upload_lose_their_placeholder(school):
    old = Order.objects.create(
        school=school, number="проект-054446", date=timezone.localdate(), kind="enrolment"
    )
    real = Order.objects.create(
        school=school, number="54-у", date=timezone.localdate(), kind="enrolment"
    )
    migration = importlib.import_module("accounts.migrations.0006_order_signature_and_namesakes")

    migration.drafts_lose_placeholder_numbers(apps, None)

    old.refresh_from_db()
    real.refresh_from_db()
    assert (old.number, old.date) == ("", None)
    assert (real.number, real.date) == ("54-у", timezone.localdate())
