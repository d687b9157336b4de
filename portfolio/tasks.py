"""Background work of the portfolio (django-tasks: immediate in development and tests, the
database worker `manage.py db_worker` in production)."""

from django_tasks import task

from eios.jobs import job_run

from .exports import portfolio_export


@task()
def export_task(job_id, **arguments):
    job_run(job_id, portfolio_export, **arguments)
