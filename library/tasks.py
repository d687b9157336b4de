"""The library's background work (eios/jobs.py, django-tasks)."""

from django_tasks import task

from eios.jobs import job_run


@task()
def index_task(edition_ids: list[int]):
    from .search.indexing import editions_index

    editions_index(edition_ids)


@task()
def index_rebuild_task(job_id):
    from .search.indexing import index_rebuild

    job_run(job_id, index_rebuild)


@task()
def import_stage_task(job_id, path: str, file_name: str, declared_format: str, owner_id: int):
    from .imports.staging import batch_stage_file

    job_run(
        job_id,
        batch_stage_file,
        path=path,
        file_name=file_name,
        declared_format=declared_format,
        owner_id=owner_id,
    )


@task()
def credentials_mail_task(job_id, library_id: int, actor_id: int):
    from .services.mailing import credentials_mail_work

    job_run(job_id, credentials_mail_work, library_id=library_id, actor_id=actor_id)
