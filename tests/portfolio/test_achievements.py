"""A pupil drafts and submits; the class teacher confirms or returns with a reason; a
confirmed entry is frozen and corrected by a new submission (regulation §11.3)."""

import pytest
from django.urls import reverse

from eios.audit import AuditEvent, AuditKind
from portfolio.models import Achievement, AchievementSource, AchievementStatus
from tests.clients import signed_in

from .conftest import ACHIEVEMENT_FORM, achievement_of, pdf_file

pytestmark = pytest.mark.django_db


def test_pupil_drafts_and_submits_then_class_teacher_confirms_one_and_returns_another(people):
    pupil = signed_in(people.student)
    add = reverse("portfolio:achievement_add", args=[people.student.pk])
    for event in ("Знак ГТО", "Городской конкурс чтецов"):
        response = pupil.post(add, {**ACHIEVEMENT_FORM, "event": event, "evidence": pdf_file()})
        assert response.status_code == 302
    first, second = Achievement.objects.order_by("pk")
    assert first.status == AchievementStatus.DRAFT
    assert first.source == AchievementSource.STUDENT
    assert first.evidence.count() == 1
    for achievement in (first, second):
        pupil.post(reverse("portfolio:achievement_submit", args=[achievement.pk]))

    teacher = signed_in(people.class_teacher)
    queue = teacher.get(reverse("portfolio:confirmations"))
    assert "Знак ГТО" in queue.text and "Городской конкурс чтецов" in queue.text
    teacher.post(reverse("portfolio:achievement_confirm", args=[first.pk]))
    teacher.post(
        reverse("portfolio:achievement_return", args=[second.pk]),
        {"reason": "Нет скана диплома"},
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == AchievementStatus.CONFIRMED
    assert first.confirmed_by == people.class_teacher
    assert first.confirmed_at is not None
    assert second.status == AchievementStatus.RETURNED
    assert second.return_reason == "Нет скана диплома"
    kinds = set(AuditEvent.objects.values_list("kind", flat=True))
    assert {AuditKind.ACHIEVEMENT_CONFIRMED, AuditKind.ACHIEVEMENT_RETURNED} <= kinds
    page = pupil.get(reverse("portfolio:pupil", args=[people.student.pk]))
    assert "Нет скана диплома" in page.text
    assert "Confirmed by Белова Ирина" in page.text


def test_a_return_without_a_reason_is_refused(people):
    achievement = achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    signed_in(people.class_teacher).post(
        reverse("portfolio:achievement_return", args=[achievement.pk]), {"reason": " "}
    )
    achievement.refresh_from_db()
    assert achievement.status == AchievementStatus.SUBMITTED


def test_the_pupil_cannot_confirm_their_own_entry(people):
    achievement = achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    response = signed_in(people.student).post(
        reverse("portfolio:achievement_confirm", args=[achievement.pk])
    )
    assert response.status_code == 404
    achievement.refresh_from_db()
    assert achievement.status == AchievementStatus.SUBMITTED


def test_a_subject_teacher_who_is_not_the_class_teacher_cannot_confirm(people):
    achievement = achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    response = signed_in(people.teacher).post(
        reverse("portfolio:achievement_confirm", args=[achievement.pk])
    )
    assert response.status_code == 404


def test_a_confirmed_entry_cannot_be_changed(people):
    achievement = achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    signed_in(people.class_teacher).post(
        reverse("portfolio:achievement_confirm", args=[achievement.pk])
    )
    pupil = signed_in(people.student)

    edit = reverse("portfolio:achievement_edit", args=[achievement.pk])
    assert pupil.get(edit).status_code == 404
    assert pupil.post(edit, {**ACHIEVEMENT_FORM, "event": "Подделка"}).status_code == 404
    pupil.post(reverse("portfolio:achievement_submit", args=[achievement.pk]))

    achievement.refresh_from_db()
    assert achievement.event == "Школьный этап олимпиады по математике"
    assert achievement.status == AchievementStatus.CONFIRMED


def test_a_correction_is_a_new_submission_and_the_confirmed_entry_stays(people):
    achievement = achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    signed_in(people.class_teacher).post(
        reverse("portfolio:achievement_confirm", args=[achievement.pk])
    )
    pupil = signed_in(people.student)
    pupil.post(reverse("portfolio:achievement_correct", args=[achievement.pk]))

    correction = Achievement.objects.get(corrects=achievement)
    assert correction.status == AchievementStatus.DRAFT
    pupil.post(
        reverse("portfolio:achievement_edit", args=[correction.pk]),
        {**ACHIEVEMENT_FORM, "result": "place", "place": "2"},
    )
    correction.refresh_from_db()
    achievement.refresh_from_db()
    assert correction.place == 2
    assert achievement.status == AchievementStatus.CONFIRMED
    assert achievement.event == "Школьный этап олимпиады по математике"
    page = pupil.get(reverse("portfolio:achievement", args=[correction.pk]))
    assert reverse("portfolio:achievement", args=[achievement.pk]) in page.text


def test_a_place_result_needs_the_place(people):
    response = signed_in(people.student).post(
        reverse("portfolio:achievement_add", args=[people.student.pk]),
        {**ACHIEVEMENT_FORM, "result": "place"},
    )
    assert response.status_code == 200
    assert "Give the place." in response.text
    assert not Achievement.objects.exists()


def test_the_class_teacher_enters_an_achievement_for_a_pupil(people):
    signed_in(people.class_teacher).post(
        reverse("portfolio:achievement_add", args=[people.student.pk]), ACHIEVEMENT_FORM
    )
    (achievement,) = Achievement.objects.all()
    assert achievement.source == AchievementSource.TEACHER
    assert achievement.portfolio.pupil == people.student
