"""Background jobs (eios/jobs.py): started, followed and collected by the person who
started them, and by nobody else."""

import sys

import pytest
from django.core.management.base import OutputWrapper
from django.urls import reverse

from accounts.models import User
from eios.jobs import ConsoleProgress, Job, JobState, job_start
from tests.clients import signed_in
from tests.toyapp.tasks import broken_task, count, count_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return User.objects.create_user("owner", password="pass-29", last_name="Владелец")


def test_a_job_runs_and_its_owner_collects_the_result(owner):
    job = job_start(count_task, owner=owner, kind="toy.count", title="Счёт", up_to=5)

    assert job.state == JobState.DONE
    assert (job.done, job.total) == (5, 5)
    page = signed_in(owner).get(job.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert 'href="/results/5/"' in text
    assert 'http-equiv="refresh"' not in text  # a finished job stops refreshing
    assert page["Cache-Control"] == "private, no-store"


def test_progress_reads_as_json_for_a_script(owner):
    job = job_start(count_task, owner=owner, kind="toy.count", title="Счёт", up_to=3)
    answer = signed_in(owner).get(job.get_absolute_url(), {"format": "json"}).json()
    assert answer == {
        "state": "done",
        "done": 3,
        "total": 3,
        "message": "запись 3",
        "result_url": "/results/3/",
    }


def test_a_waiting_job_refreshes_its_page(owner):
    job = Job.objects.create(owner=owner, kind="toy.count", title="Счёт", total=10, done=4)
    text = signed_in(owner).get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in text
    assert 'value="4"' in text


def test_a_persons_mistake_is_shown_and_a_crash_is_not(owner):
    refused = job_start(
        count_task, owner=owner, kind="toy.count", title="Счёт", up_to=5, refuse=True
    )
    assert refused.state == JobState.FAILED
    assert refused.message == "Строка 3, столбец «Дата»: такой даты нет."

    crashed = job_start(broken_task, owner=owner, kind="toy.broken", title="Сбой")
    assert crashed.state == JobState.FAILED
    assert "ZeroDivisionError" not in crashed.message
    assert crashed.message


def test_another_person_gets_the_answer_of_a_missing_job(owner):
    job = job_start(count_task, owner=owner, kind="toy.count", title="Счёт", up_to=2)
    stranger = User.objects.create_user("stranger", password="pass-29")
    assert signed_in(stranger).get(job.get_absolute_url()).status_code == 404
    missing = reverse("job_status", args=["00000000-0000-0000-0000-000000000000"])
    assert signed_in(stranger).get(missing).status_code == 404


def test_a_command_shows_the_same_progress_on_the_console(capsys):
    progress = ConsoleProgress(OutputWrapper(sys.stdout).write)
    assert count(progress, up_to=2) == "/results/2/"
    assert "2/2 запись 2" in capsys.readouterr().out
