"""Background work of the portfolio (django-tasks: immediate in development and tests, the
database worker `manage.py db_worker` in production)."""

from django_tasks import task

from eios.jobs import job_run

from .exports import portfolio_export
from .models import ImportBatch
from .services.imports import import_apply


@task()
def export_task(job_id, **arguments):
    job_run(job_id, portfolio_export, **arguments)


def _import_apply(progress, *, batch_id: int) -> str:
    batch = import_apply(batch=ImportBatch.objects.get(pk=batch_id), progress=progress)
    return batch.get_absolute_url()


@task()
def import_task(job_id, batch_id):
    job_run(job_id, _import_apply, batch_id=batch_id)
