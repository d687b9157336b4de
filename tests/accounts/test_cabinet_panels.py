"""The personal cabinet is composed of the panels the apps register (issue 11, item 5):
the cabinet view knows no app, its query budget is the sum of its panels' budgets, and
each panel's data is kept per person until what it shows changes."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from accounts.models import BlockKind, Position, SchoolClass, UserSession
from accounts.services.blocking import account_block
from cms.models import Platform
from cms.models.platforms import AccessKind
from eios.access import Action, grant
from eios.cabinet import HOOK, registered_panels
from eios.jobs import Job, job_run, job_start
from tests.toyapp.cabinet import clubs_panel
from tests.toyapp.models import Club
from tests.toyapp.tasks import count_task

from .test_cabinet_and_orders import fill

pytestmark = pytest.mark.django_db

# Every page a signed-in person opens: the session, the user; the site, the school's
# requisites, the look of the site, the main menu (its sections and their restrictions),
# each kept per content generation outside the tests (FRAGMENT_CACHE_ENABLED).
PAGE = 7


def cabinet_client(terms) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": "belova.i", "password": "teacher-pass-29"})
    client.post(reverse("terms_accept"), {"accept": terms.pk})
    return client


@pytest.fixture(autouse=True)
def toy_panel():
    """The toy app of the tests brings its panel as portfolio and library will, with no
    line of the cabinet about it."""
    with hooks.register_temporarily(HOOK, clubs_panel):
        yield


def test_the_apps_contribute_the_panels_in_their_declared_order():
    names = [panel.name for panel in registered_panels()]
    assert names == [
        "accounts.identity",
        "accounts.logins",
        "cms.platforms",
        "cms.sections",
        "portfolio",
        "accounts.classes",
        "library",
        "toyapp.clubs",
        "eios.jobs",
    ]


@pytest.mark.parametrize("size", [1, 40])
def test_the_budget_is_the_sum_of_the_panels_budgets(
    school, teacher, director, terms, size, django_assert_max_num_queries
):
    fill(school, teacher, size, director)
    Club.objects.create(name="Шахматный кружок", leader=teacher)
    client = cabinet_client(terms)
    budget = PAGE + sum(panel.queries for panel in registered_panels())
    with django_assert_max_num_queries(budget):
        page = client.get(reverse("cabinet")).content.decode()
    assert f"Платформа {size - 1}" in page and "Шахматный кружок" in page


def test_a_second_visit_reads_only_the_live_panels(
    school, teacher, director, terms, django_assert_max_num_queries
):
    fill(school, teacher, 10, director)
    client = cabinet_client(terms)
    first = client.get(reverse("cabinet")).content.decode()
    # Only the page itself is read again: every panel is kept until it changes.
    live = sum(panel.queries for panel in registered_panels() if not panel.topics)
    with django_assert_max_num_queries(PAGE + live):
        again = client.get(reverse("cabinet")).content.decode()
    assert "Платформа 9" in again and "49В (2025/2026)" in again
    assert again.count("<section") == first.count("<section")


def test_what_changes_shows_on_the_next_visit(
    school, teacher, director, terms, enrol, school_class, django_capture_on_commit_callbacks
):
    (pupil,) = enrol(("Зайцев", "Пётр"))
    client = cabinet_client(terms)
    page = client.get(reverse("cabinet")).content.decode()
    assert "Сферум" not in page and "Кружок" not in page and "7Г" not in page

    with django_capture_on_commit_callbacks(execute=True):
        platform = Platform.objects.create(
            school=school,
            name="Сферум",
            address="https://sferum.ru/",
            access_kind=AccessKind.AUTHORISED,
        )
        platform.positions.add(Position.objects.get(code="class_teacher"))
        opened = SchoolClass.objects.create(school=school, name="7Г", year=2025)
        grant(actor=director, action=Action.VIEW, obj=opened, user=teacher)
        Club.objects.create(name="Кружок робототехники", leader=teacher)
        account_block(user=pupil, kind=BlockKind.ADMINISTRATOR, reason="Проверка", actor=director)

    page = client.get(reverse("cabinet")).content.decode()
    assert "Сферум" in page
    assert "7Г (2025/2026)" in page
    assert "Кружок робототехники" in page
    pupil_row = page[page.index("Зайцев") :].split("</tr>", 1)[0]
    assert "blocked" in pupil_row


def sessions_listed(page: str) -> int:
    return page[page.index("Open sessions") :].split("</table>", 1)[0].count("<tr>") - 1


def test_logins_and_sessions_show_every_change_at_once(
    school, teacher, terms, django_capture_on_commit_callbacks
):
    client = cabinet_client(terms)
    page = client.get(reverse("cabinet")).content.decode()
    assert sessions_listed(page) == 1 and "failed login attempt" not in page

    other = Client()
    with django_capture_on_commit_callbacks(execute=True):
        other.post(reverse("account_login"), {"login": "belova.i", "password": "wrong"})
    page = client.get(reverse("cabinet")).content.decode()
    assert "1 failed login attempt since then" in page

    with django_capture_on_commit_callbacks(execute=True):
        other.post(reverse("account_login"), {"login": "belova.i", "password": "teacher-pass-29"})
    page = client.get(reverse("cabinet")).content.decode()
    assert sessions_listed(page) == 2 and "(this one)" in page

    with django_capture_on_commit_callbacks(execute=True):
        other.post(reverse("account_logout"))
    assert sessions_listed(client.get(reverse("cabinet")).content.decode()) == 1


def test_my_background_jobs_are_listed_with_their_state(school, teacher, terms):
    job = Job.objects.create(owner=teacher, kind="export", title="Выгрузка портфолио")
    page = cabinet_client(terms).get(reverse("cabinet")).content.decode()
    assert "Выгрузка портфолио" in page
    assert job.get_absolute_url() in page


def test_a_job_shows_in_the_cabinet_as_it_starts_moves_on_and_ends(
    school, teacher, terms, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("eios.jobs.WRITE_EVERY_SECONDS", 0)  # every step is written
    client = cabinet_client(terms)
    assert "My background jobs" not in client.get(reverse("cabinet")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(count_task, owner=teacher, kind="toy.count", title="Счёт до трёх", up_to=3)
    assert "Счёт до трёх</a> — done" in client.get(reverse("cabinet")).content.decode()

    seen = []

    def work(progress):
        for done in (1, 2):
            # Each step committed as the worker commits it.
            with django_capture_on_commit_callbacks(execute=True):
                progress.step(done, 4)
            seen.append(client.get(reverse("cabinet")).content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        job_run(str(job.pk), work)
    assert "Счёт до трёх</a> — running, 25%" in seen[0]
    assert "Счёт до трёх</a> — running, 50%" in seen[1]
    assert "Счёт до трёх</a> — done" in client.get(reverse("cabinet")).content.decode()


def test_nothing_the_cabinet_keeps_holds_a_password_hash(
    school, teacher, director, terms, enrol, school_class, settings, listable_caches
):
    # Local memory keeps values pickled, as Redis does.
    pupils = enrol(("Зайцев", "Пётр"), ("Орлова", "Анна"))
    pupils[0].set_password("pupil-pass-29")
    pupils[0].save()
    client = cabinet_client(terms)
    assert "Зайцев" in client.get(reverse("cabinet")).content.decode()
    kept = b"".join(caches[settings.CABINET_CACHE]._cache.values())
    assert b"cabinet" in b"".join(key.encode() for key in caches[settings.CABINET_CACHE]._cache)
    for person in (teacher, *pupils):
        person.refresh_from_db()
        assert person.password.encode() not in kept


def test_a_version_lost_from_the_cache_never_brings_back_an_old_copy(school, teacher, terms):
    Club.objects.create(name="Шахматный кружок", leader=teacher)
    client = cabinet_client(terms)
    assert "Шахматный кружок" in client.get(reverse("cabinet")).content.decode()
    # Evicted versions (a full cache) and a change no signal told about: the copies kept
    # under the old versions must not be served again.
    cache = caches[settings.CABINET_CACHE]
    cache.delete_many([f"kept:v:clubs:{who}" for who in ("*", teacher.pk)])
    Club.objects.update(name="Кружок шахмат и шашек")
    assert "Кружок шахмат и шашек" in client.get(reverse("cabinet")).content.decode()


def test_a_pile_of_sessions_is_listed_by_the_latest_ten(school, teacher, terms):
    for number in range(12):
        UserSession.objects.create(user=teacher, session_key=f"old-{number}", address="10.0.0.1")
    page = cabinet_client(terms).get(reverse("cabinet")).content.decode()
    assert sessions_listed(page) == 10
    assert "Only the 10 most recently active sessions are shown" in page
