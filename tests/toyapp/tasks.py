"""A job of the toy app: counts to `up_to`, or refuses as a person's mistake would be."""

from django.core.exceptions import ValidationError
from django_tasks import task

from eios.jobs import job_run


def count(progress, *, up_to: int, refuse: bool = False):
    if refuse:
        raise ValidationError("Строка 3, столбец «Дата»: такой даты нет.")
    for number in range(1, up_to + 1):
        progress.step(number, up_to, message=f"запись {number}")
    return f"/results/{up_to}/"


@task()
def count_task(job_id, up_to, refuse=False):
    job_run(job_id, count, up_to=up_to, refuse=refuse)


@task()
def broken_task(job_id):
    job_run(job_id, lambda progress: 1 / 0)
