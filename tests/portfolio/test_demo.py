"""The demo school's portfolios: every pupil of 5А and 6А has achievements in every sphere
and every status and a work with reviews; generated pupils have portfolios too."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import ClassMembership
from portfolio.models import Achievement, AchievementStatus, Review, Sphere

pytestmark = pytest.mark.django_db


def test_demo_pupils_have_full_portfolios_and_a_second_run_adds_nothing():
    call_command("load_demo", students=30, news=1, stdout=io.StringIO())
    pupils = ClassMembership.objects.filter(
        ended_on__isnull=True, school_class__name__in=["5А", "6А"]
    ).values_list("user", flat=True)
    assert len(pupils) >= 2
    for pupil in pupils:
        achievements = Achievement.objects.filter(portfolio__pupil=pupil)
        assert set(achievements.values_list("sphere", flat=True)) == set(Sphere.values)
        assert set(achievements.values_list("status", flat=True)) == set(AchievementStatus.values)
        assert Review.objects.filter(snapshot__work__portfolio__pupil=pupil).exists()
    generated = ClassMembership.objects.filter(
        ended_on__isnull=True, user__username__startswith="student0"
    ).exclude(school_class__name__in=["5А", "6А"])
    assert Achievement.objects.filter(portfolio__pupil=generated[0].user).exists()

    count = Achievement.objects.count()
    call_command("load_demo", students=30, news=1, stdout=io.StringIO())
    assert Achievement.objects.count() == count

    client = Client()
    client.post(reverse("account_login"), {"login": "student", "password": "demo-student-29"})
    page = client.get(reverse("portfolio:home"), follow=True)
    assert page.status_code == 200
    assert "Знак отличия ГТО" in page.text
