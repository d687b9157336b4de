"""A share link works until it expires or is revoked, then answers like a missing page;
every opening is in its log, shown to the pupil, and in the audit log."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from eios.audit import AuditEvent, AuditKind
from portfolio.models import AchievementStatus, ShareLink
from tests.clients import signed_in

from .conftest import achievement_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(people):
    achievement_of(people.student, status=AchievementStatus.CONFIRMED, event="Победа в забеге")
    achievement_of(people.student, event="Черновик не для всех")
    signed_in(people.student).post(
        reverse("portfolio:share_create", args=[people.student.pk]), {"days": 7}
    )
    return ShareLink.objects.get()


def test_a_share_link_shows_the_confirmed_showcase_and_logs_each_opening(people, link):
    visitor = Client(REMOTE_ADDR="203.0.113.7")
    page = visitor.get(link.get_absolute_url())
    assert page.status_code == 200
    assert "Победа в забеге" in page.text
    assert "Черновик не для всех" not in page.text
    assert "no-store" in page["Cache-Control"]

    (opening,) = link.openings.all()
    assert opening.address == "203.0.113.7"
    assert AuditEvent.objects.filter(
        kind=AuditKind.SHARE_LINK_OPENED, subject=people.student, address="203.0.113.7"
    ).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.SHARE_LINK_CREATED).exists()
    mine = signed_in(people.student).get(reverse("portfolio:pupil", args=[people.student.pk]))
    assert "203.0.113.7" in mine.text


def test_a_revoked_link_answers_like_a_missing_page_at_once(people, link):
    signed_in(people.student).post(reverse("portfolio:share_revoke", args=[link.pk]))
    assert Client().get(link.get_absolute_url()).status_code == 404
    assert not link.openings.exists()
    assert AuditEvent.objects.filter(kind=AuditKind.SHARE_LINK_REVOKED).exists()


def test_an_expired_link_answers_like_a_missing_page(people, link):
    ShareLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert Client().get(link.get_absolute_url()).status_code == 404
    assert Client().get("/portfolio/shared/not-a-token/").status_code == 404


def test_the_class_teacher_makes_a_link_for_a_pupil(people):
    signed_in(people.class_teacher).post(
        reverse("portfolio:share_create", args=[people.student.pk]), {"days": 1}
    )
    assert ShareLink.objects.get().created_by == people.class_teacher


def test_a_link_longer_than_allowed_is_refused(people):
    signed_in(people.student).post(
        reverse("portfolio:share_create", args=[people.student.pk]), {"days": 365}
    )
    assert not ShareLink.objects.exists()
