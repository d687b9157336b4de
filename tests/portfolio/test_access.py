"""Nobody reaches another pupil's portfolio by guessing identifiers: every portfolio
address with an id answers 404 to `student` for `student2`'s things (regulation §5.2),
and a blocked pupil's portfolio stays with the staff who saw it (§6.7)."""

import pytest
from django.urls import reverse

from accounts.models import BlockKind
from accounts.services.blocking import account_block
from portfolio.models import (
    Achievement,
    AchievementStatus,
    Evidence,
    ImportBatch,
    PortfolioExport,
    ShareLink,
    Work,
)
from portfolio.selectors import portfolio_of
from portfolio.services.sharing import share_link_create
from portfolio.services.works import review_write, work_create, work_send_for_review
from tests.clients import signed_in

from .conftest import ACHIEVEMENT_FORM, achievement_of, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(people):
    """Everything of `student2`'s portfolio that has an address with an id."""
    from django.core.files.base import ContentFile

    portfolio = portfolio_of(people.student2)
    draft = achievement_of(people.student2)
    submitted = achievement_of(people.student2, status=AchievementStatus.SUBMITTED)
    confirmed = achievement_of(people.student2, status=AchievementStatus.CONFIRMED)
    evidence = Evidence.objects.create(
        achievement=draft,
        file=ContentFile(b"%PDF-1.4", "d.pdf"),
        name="d.pdf",
        content_type="application/pdf",
        size=8,
    )
    work = work_create(
        actor=people.student2,
        portfolio=portfolio,
        fields={"title": "Сочинение", "kind": "essay"},
        file=None,
    )
    work.file.save("essay.pdf", ContentFile(b"%PDF-1.4"))
    snapshot = work_send_for_review(actor=people.student2, work=work)
    review = review_write(actor=people.deputy, snapshot=snapshot, text="Хорошо", grade=5)
    link = share_link_create(actor=people.student2, portfolio=portfolio, days=3)
    export = PortfolioExport.objects.create(
        portfolio=portfolio,
        owner=people.student2,
        format="zip",
        file=ContentFile(b"PK", "e.zip"),
    )
    batch = ImportBatch.objects.create(
        file=ContentFile(b"x", "sgo.csv"), file_name="sgo.csv", created_by=people.deputy
    )
    return {
        "batch": batch.pk,
        "pupil": people.student2.pk,
        "draft": draft.pk,
        "submitted": submitted.pk,
        "confirmed": confirmed.pk,
        "evidence": evidence.pk,
        "work": work.pk,
        "snapshot": snapshot.pk,
        "review": review.pk,
        "link": link.pk,
        "export": export.pk,
    }


# (url name, method, key of the id, form data)
ADDRESSES = [
    ("portfolio:pupil", "get", "pupil", None),
    ("portfolio:showcase", "get", "pupil", None),
    ("portfolio:achievement_add", "get", "pupil", None),
    ("portfolio:achievement_add", "post", "pupil", ACHIEVEMENT_FORM),
    ("portfolio:work_add", "post", "pupil", {"title": "Чужая", "kind": "essay"}),
    ("portfolio:share_create", "post", "pupil", {"days": 3}),
    ("portfolio:export_start", "post", "pupil", None),
    ("portfolio:achievement", "get", "draft", None),
    ("portfolio:achievement_edit", "get", "draft", None),
    ("portfolio:achievement_edit", "post", "draft", ACHIEVEMENT_FORM),
    ("portfolio:achievement_submit", "post", "draft", None),
    ("portfolio:achievement_confirm", "post", "submitted", None),
    ("portfolio:achievement_return", "post", "submitted", {"reason": "нет"}),
    ("portfolio:achievement_correct", "post", "confirmed", None),
    ("portfolio:evidence", "get", "evidence", None),
    ("portfolio:work", "get", "work", None),
    ("portfolio:work", "post", "work", {"text": "Чужой отзыв", "grade": 2}),
    ("portfolio:work_edit", "get", "work", None),
    ("portfolio:work_edit", "post", "work", {"title": "Испорчено", "kind": "essay"}),
    ("portfolio:work_send", "post", "work", None),
    ("portfolio:work_file", "get", "work", None),
    ("portfolio:snapshot_file", "get", "snapshot", None),
    ("portfolio:review_edit", "get", "review", None),
    ("portfolio:review_edit", "post", "review", {"text": "Подмена", "grade": 2}),
    ("portfolio:share_revoke", "post", "link", None),
    ("portfolio:export", "get", "export", None),
    ("portfolio:import_batch", "get", "batch", None),
    ("portfolio:import_undo", "post", "batch", None),
]


def _url(name, key, ids):
    if name == "portfolio:export_start":
        return reverse(name, args=[ids[key], "pdf"])
    return reverse(name, args=[ids[key]])


@pytest.mark.parametrize(("name", "method", "key", "data"), ADDRESSES)
def test_student_cannot_reach_student2s_portfolio_by_guessing_ids(
    people, theirs, name, method, key, data
):
    before = (
        list(Achievement.objects.values_list("pk", "status", "event", "confirmed_by")),
        list(Work.objects.values_list("pk", "title")),
        list(ShareLink.objects.values_list("pk", "revoked_at")),
        PortfolioExport.objects.count(),
    )
    client = signed_in(people.student)
    response = getattr(client, method)(_url(name, key, theirs), data or {})
    assert response.status_code == 404
    after = (
        list(Achievement.objects.values_list("pk", "status", "event", "confirmed_by")),
        list(Work.objects.values_list("pk", "title")),
        list(ShareLink.objects.values_list("pk", "revoked_at")),
        PortfolioExport.objects.count(),
    )
    assert after == before


def test_every_portfolio_address_with_an_id_is_in_the_table():
    from portfolio.urls import urlpatterns

    with_id = {f"portfolio:{p.name}" for p in urlpatterns if "<" in str(p.pattern)}
    # The share link's token is a secret, not an id; the class overview is decided on the
    # class (tests below).
    with_id -= {"portfolio:shared", "portfolio:class_overview"}
    assert with_id == {name for name, *_ in ADDRESSES}


def test_the_class_overview_of_another_class_is_missing_for_a_teacher(people):
    url = reverse("portfolio:class_overview", args=[people.class_6a.pk])
    assert signed_in(people.class_teacher).get(url).status_code == 404
    assert signed_in(people.student).get(url).status_code == 404
    assert signed_in(people.deputy).get(url).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("student", 200),
        ("class_teacher", 200),
        ("deputy", 200),
        ("teacher", 404),
        ("classmate", 404),
        ("student2", 404),
    ],
)
def test_who_sees_a_pupils_portfolio(people, who, status):
    url = reverse("portfolio:pupil", args=[people.student.pk])
    assert signed_in(getattr(people, who)).get(url).status_code == status


def test_a_blocked_pupils_portfolio_stays_visible_to_the_class_teacher(people):
    achievement = achievement_of(people.student, status=AchievementStatus.CONFIRMED)
    account_block(user=people.student, kind=BlockKind.ADMINISTRATOR, reason="Приказ 7-у")

    teacher = signed_in(people.class_teacher)
    page = teacher.get(reverse("portfolio:pupil", args=[people.student.pk]))
    assert page.status_code == 200
    assert achievement.event in page.text
    assert Achievement.objects.filter(pk=achievement.pk).exists()


def test_an_expelled_pupils_portfolio_stays_with_the_class_teacher_of_their_last_class(
    people,
):
    from django.utils import timezone

    achievement_of(people.student)
    people.student.memberships.update(ended_on=timezone.localdate())
    account_block(user=people.student, kind=BlockKind.ADMINISTRATOR, reason="Отчислен")

    url = reverse("portfolio:pupil", args=[people.student.pk])
    assert signed_in(people.class_teacher).get(url).status_code == 200
    assert signed_in(people.teacher).get(url).status_code == 404


def test_a_classmate_reviews_only_where_the_owner_allowed_it(people):
    portfolio = portfolio_of(people.student)
    work = work_create(
        actor=people.student, portfolio=portfolio, fields={"title": "Проект", "kind": "project"}
    )
    work_send_for_review(actor=people.student, work=work)
    classmate = signed_in(people.classmate)
    url = reverse("portfolio:work", args=[work.pk])

    assert classmate.get(url).status_code == 404
    assert classmate.post(url, {"text": "Класс!", "grade": 5}).status_code == 404

    signed_in(people.student).post(
        reverse("portfolio:work_edit", args=[work.pk]),
        {"title": "Проект", "kind": "project", "classmates_may_review": "on"},
    )
    assert classmate.get(url).status_code == 200
    classmate.post(url, {"text": "Класс!", "grade": 5})
    assert work.snapshots.get().reviews.get().reviewer == people.classmate
    # A pupil of another class is not a classmate.
    assert signed_in(people.student2).get(url).status_code == 404


def test_evidence_is_served_as_an_attachment_that_is_never_sniffed(people):
    signed_in(people.student).post(
        reverse("portfolio:achievement_add", args=[people.student.pk]),
        {**ACHIEVEMENT_FORM, "evidence": pdf_file()},
    )
    evidence = Evidence.objects.get()
    response = signed_in(people.class_teacher).get(
        reverse("portfolio:evidence", args=[evidence.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_a_teacher_granted_the_portfolio_sees_it_and_nothing_else(people):
    from accounts.models import User
    from eios.access import Action, grant

    root = User.objects.create_superuser("root", password="pass-29")
    grant(actor=root, action=Action.VIEW, obj=portfolio_of(people.student), user=people.teacher)
    teacher = signed_in(people.teacher)
    assert teacher.get(reverse("portfolio:pupil", args=[people.student.pk])).status_code == 200
    assert teacher.get(reverse("portfolio:pupil", args=[people.classmate.pk])).status_code == 404
    # Viewing is not confirming.
    achievement = achievement_of(people.student, status=AchievementStatus.SUBMITTED)
    confirm = reverse("portfolio:achievement_confirm", args=[achievement.pk])
    assert teacher.post(confirm).status_code == 404


def test_someone_who_never_studied_here_has_no_portfolio_to_open(people):
    url = reverse("portfolio:pupil", args=[people.teacher.pk])
    assert signed_in(people.deputy).get(url).status_code == 404
