"""The pupil's portfolio page is kept per pupil until the portfolio changes: every change
shows at once on the pupil's page and on the class teacher's (they share one copy), the
kept page costs a handful of queries however many achievements there are, and nothing of
one viewer (a CSRF token, whether a share link is still in force) is kept for another.

The tests' transaction never commits, so each change runs its on-commit callbacks, which
tell the kept copies they are stale, as a committed request does."""

import datetime
import pickle

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolio.models import Achievement, ShareLink, Work
from portfolio.page import page_parts
from portfolio.selectors import portfolio_of
from tests.clients import signed_in

from .conftest import ACHIEVEMENT_FORM
from .test_import import GOOD, _csv, administrator  # noqa: F401 — a fixture
from .test_pages import _fill

pytestmark = pytest.mark.django_db

# The page of a signed-in person (PAGE in tests/accounts/test_cabinet_panels.py), whether
# the person is a pupil; the portfolio with its pupil. The two versions and the kept copy
# come from the cache; the pupil is known to change their own portfolio by that alone.
PORTFOLIO_PAGE_KEPT = 8


@pytest.fixture
def pages(people):
    """The pupil's page as the pupil and as the class teacher see it."""
    clients = [signed_in(people.student), signed_in(people.class_teacher)]
    url = reverse("portfolio:pupil", args=[people.student.pk])

    def read() -> list[str]:
        return [client.get(url).text for client in clients]

    read()  # both kept from here on
    return read


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def committed():
        return django_capture_on_commit_callbacks(execute=True)

    return committed


def test_an_entry_shows_at_once_as_it_is_added_submitted_confirmed_and_returned(
    people, pages, commit
):
    pupil, teacher = signed_in(people.student), signed_in(people.class_teacher)
    add = reverse("portfolio:achievement_add", args=[people.student.pk])
    for event in ("Знак ГТО", "Городской конкурс чтецов"):
        with commit():
            pupil.post(add, {**ACHIEVEMENT_FORM, "event": event})
    for page in pages():
        assert "Знак ГТО" in page and "Городской конкурс чтецов" in page
        assert "status-draft" in page
    first, second = Achievement.objects.order_by("pk")
    for achievement in (first, second):
        with commit():
            pupil.post(reverse("portfolio:achievement_submit", args=[achievement.pk]))
    for page in pages():
        assert "Waiting for confirmation" in page and "status-draft" not in page

    with commit():
        teacher.post(reverse("portfolio:achievement_confirm", args=[first.pk]))
    with commit():
        teacher.post(
            reverse("portfolio:achievement_return", args=[second.pk]),
            {"reason": "Нет скана диплома"},
        )
    for page in pages():
        assert "Confirmed by Белова Ирина" in page
        assert "1 confirmed achievement by sphere and level" in page
        assert "Нет скана диплома" in page

    with commit():
        pupil.post(reverse("portfolio:achievement_correct", args=[first.pk]))
    for page in pages():
        assert page.count("Знак ГТО") == 2


def test_a_work_shows_at_once_as_it_is_added_renamed_and_reviewed(people, pages, commit):
    pupil = signed_in(people.student)
    with commit():
        pupil.post(
            reverse("portfolio:work_add", args=[people.student.pk]),
            {"title": "Сочинение о лете", "subject": "литература", "kind": "essay"},
        )
    work = Work.objects.get()
    for page in pages():
        assert "Сочинение о лете" in page
    with commit():
        pupil.post(
            reverse("portfolio:work_edit", args=[work.pk]),
            {"title": "Сочинение о зиме", "subject": "литература", "kind": "essay"},
        )
    for page in pages():
        assert "Сочинение о зиме" in page and "Сочинение о лете" not in page
    with commit():
        pupil.post(reverse("portfolio:work_send", args=[work.pk]))
    with commit():
        signed_in(people.teacher).post(
            reverse("portfolio:work", args=[work.pk]), {"text": "Хорошо", "grade": "4"}
        )
    for page in pages():
        assert "1 review" in page


def test_an_import_and_its_undo_show_at_once(people, pages, commit, administrator):  # noqa: F811
    with commit():
        administrator.post(reverse("portfolio:import"), {"file": _csv(GOOD)})
    for page in pages():
        assert "ВсОШ по математике" in page
    batch = Achievement.objects.get(portfolio__pupil=people.student).import_batch
    with commit():
        administrator.post(reverse("portfolio:import_undo", args=[batch.pk]))
    for page in pages():
        assert "ВсОШ по математике" not in page


def test_a_share_link_its_openings_and_its_revocation_show_at_once(people, pages, commit):
    pupil = signed_in(people.student)
    with commit():
        pupil.post(reverse("portfolio:share_create", args=[people.student.pk]), {"days": 7})
    link = ShareLink.objects.get()
    for page in pages():
        assert link.get_absolute_url() in page
        assert "Not opened yet." in page
    with commit():
        signed_in(people.teacher).get(link.get_absolute_url(), REMOTE_ADDR="203.0.113.7")
    for page in pages():
        assert "203.0.113.7" in page
    with commit():
        pupil.post(reverse("portfolio:share_revoke", args=[link.pk]))
    for page in pages():
        assert link.get_absolute_url() not in page
        assert "revoked" in page


def test_a_kept_link_past_its_expiry_is_shown_as_no_longer_in_force(
    people, pages, commit, monkeypatch
):
    with commit():
        signed_in(people.student).post(
            reverse("portfolio:share_create", args=[people.student.pk]), {"days": 1}
        )
    link = ShareLink.objects.get()
    assert link.get_absolute_url() in pages()[0]
    later = timezone.now() + datetime.timedelta(days=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    url = reverse("portfolio:pupil", args=[people.student.pk])
    for who in (people.student, people.class_teacher):
        page = signed_in(who).get(url).text
        assert "valid until" in page  # the kept copy, not read again
        assert link.get_absolute_url() not in page


def test_each_viewer_gets_their_own_csrf_token(people, pages):
    pupil, teacher = pages()
    token = 'name="csrfmiddlewaretoken" value="'

    def tokens(page):
        return {part.split('"', 1)[0] for part in page.split(token)[1:]}

    # Every form of one page carries its viewer's token (masked anew for each response).
    assert tokens(pupil) and tokens(teacher)
    assert not tokens(pupil) & tokens(teacher)


@pytest.mark.parametrize("per_pupil", [3, 300])
def test_the_kept_page_keeps_a_small_budget_for_the_pupil_and_the_class_teacher(
    people, per_pupil, django_assert_max_num_queries
):
    _fill(people.student, per_pupil)
    url = reverse("portfolio:pupil", args=[people.student.pk])
    pupil, teacher = signed_in(people.student), signed_in(people.class_teacher)
    pupil.get(url)
    with django_assert_max_num_queries(PORTFOLIO_PAGE_KEPT):
        assert pupil.get(url).status_code == 200
    # The class teacher reads the copy the pupil's visit kept; whether they lead the
    # pupil's class (which lets them view, then change) costs a query each.
    with django_assert_max_num_queries(PORTFOLIO_PAGE_KEPT + 2):
        page = teacher.get(url)
    assert page.text.count("Конкурс №") == per_pupil


def test_the_page_is_kept_in_each_language_apart(people, pages, settings):
    assert "All achievements" in pages()[0]
    client = signed_in(people.student)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    russian = client.get(reverse("portfolio:pupil", args=[people.student.pk])).text
    assert "Все достижения" in russian and "All achievements" not in russian


def test_the_kept_copy_holds_no_password_hash(people, commit):
    with commit():
        signed_in(people.student).post(
            reverse("portfolio:share_create", args=[people.student.pk]), {"days": 7}
        )
    portfolio = portfolio_of(people.student)
    portfolio.pupil = people.student  # as the page reads it, with its pupil
    kept = pickle.dumps(page_parts(portfolio))
    assert people.student.password.encode() not in kept
