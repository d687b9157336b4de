"""Works are reviewed and graded by any participant who may read them (regulation §1.3):
sending for review freezes a copy, only the author changes a review and its history stays."""

import pytest
from django.urls import reverse

from portfolio.models import Review, Work
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


def _work(client, pupil) -> Work:
    client.post(
        reverse("portfolio:work_add", args=[pupil.pk]),
        {"title": "Сочинение о лете", "subject": "литература", "kind": "essay"},
    )
    return Work.objects.get()


def test_sending_for_review_freezes_a_copy_while_the_pupil_edits_the_original(people):
    pupil = signed_in(people.student)
    work = _work(pupil, people.student)
    pupil.post(reverse("portfolio:work_send", args=[work.pk]))
    pupil.post(
        reverse("portfolio:work_edit", args=[work.pk]),
        {"title": "Сочинение о лете, вторая редакция", "kind": "essay"},
    )
    work.refresh_from_db()
    assert work.title == "Сочинение о лете, вторая редакция"
    assert work.snapshots.get().title == "Сочинение о лете"


def test_a_teacher_reviews_and_only_the_author_changes_the_review_keeping_its_history(people):
    pupil = signed_in(people.student)
    work = _work(pupil, people.student)
    pupil.post(reverse("portfolio:work_send", args=[work.pk]))

    teacher = signed_in(people.teacher)
    queue = teacher.get(reverse("portfolio:review_queue"))
    assert "Сочинение о лете" in queue.text
    assert "not grades of record" in queue.text
    teacher.post(reverse("portfolio:work", args=[work.pk]), {"text": "Хорошо", "grade": "4"})
    review = Review.objects.get()
    assert (review.reviewer, review.grade, review.position) == (people.teacher, 4, "teacher")
    assert "Сочинение о лете" not in teacher.get(reverse("portfolio:review_queue")).text

    edit = reverse("portfolio:review_edit", args=[review.pk])
    assert signed_in(people.class_teacher).post(edit, {"text": "X"}).status_code == 404
    teacher.post(edit, {"text": "Отлично после правки", "grade": "5"})
    review.refresh_from_db()
    assert (review.text, review.grade) == ("Отлично после правки", 5)
    (revision,) = review.revisions.all()
    assert (revision.text, revision.grade) == ("Хорошо", 4)
    page = pupil.get(reverse("portfolio:work", args=[work.pk]))
    assert "Отлично после правки" in page.text and "Хорошо" in page.text


def test_a_pupil_does_not_review_their_own_work(people):
    pupil = signed_in(people.student)
    work = _work(pupil, people.student)
    pupil.post(reverse("portfolio:work_send", args=[work.pk]))
    response = pupil.post(reverse("portfolio:work", args=[work.pk]), {"text": "Я молодец"})
    assert response.status_code == 404
    assert not Review.objects.exists()


def test_a_work_not_sent_for_review_is_not_open_to_teachers(people):
    work = _work(signed_in(people.student), people.student)
    assert (
        signed_in(people.teacher).get(reverse("portfolio:work", args=[work.pk])).status_code == 404
    )
