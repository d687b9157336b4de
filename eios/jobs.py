"""Long work in the background — imports, exports, indexing — with its progress shown to
the person waiting for it (SPEC «Quality bar»).

The work runs as a django-tasks task: the immediate backend in development and tests
(the task runs inside the request that starts it, so a test sees the result at once),
the database backend in production, served by `manage.py db_worker` (README). A `Job`
row is what the person sees: its state, how far it got, and where its result is.

An app writes its work as a function `work(progress, **arguments) -> result address`,
wraps it in a task with `job_run`, and starts it with `job_start`:

    @task()
    def export_task(job_id, portfolio_id):
        job_run(job_id, export_portfolio, portfolio_id=portfolio_id)

    job = job_start(export_task, owner=request.user, kind="portfolio.export",
                    title=_("Portfolio as PDF"), portfolio_id=portfolio.pk)
    return redirect(job.get_absolute_url())

A management command runs the same work in the foreground with `ConsoleProgress`.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .cabinet import Panel
from .kept import changed

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django_tasks.base import Task

logger = logging.getLogger(__name__)

# Progress is written at most this often: a row update per record would slow an import.
WRITE_EVERY_SECONDS = 0.5
# The cabinet topic of a person's jobs: started, moved on, finished.
JOBS = "jobs"


class JobState(models.TextChoices):
    QUEUED = "queued", _("waiting to start")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=60)
    title = models.CharField(_("title"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("started by"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    # Where the person collects the result (a download, the imported batch …).
    result_url = models.CharField(_("result"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("job_status", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in {JobState.DONE, JobState.FAILED}

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)


def _jobs_changed(owner_id: int | None) -> None:
    if owner_id is not None:
        changed(JOBS, user=get_user_model()(pk=owner_id))


class JobProgress:
    """What the work reports as it goes; written to the job's row now and then."""

    def __init__(self, job_id: str | None, owner_id: int | None = None) -> None:
        self.job_id = job_id
        self.owner_id = owner_id
        self._written_at = 0.0

    def step(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._written_at < WRITE_EVERY_SECONDS and done != total:
            return
        self._written_at = now
        fields = {"done": done, "state": JobState.RUNNING}
        if total is not None:
            fields["total"] = total
        if message:
            fields["message"] = message
        Job.objects.filter(pk=self.job_id).update(**fields)
        _jobs_changed(self.owner_id)


class ConsoleProgress(JobProgress):
    """The same reports for a management command: printed, not stored."""

    def __init__(self, write: Callable[[str], None]):
        super().__init__(job_id=None)
        self.write = write

    def step(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._written_at < WRITE_EVERY_SECONDS and done != total:
            return
        self._written_at = now
        counted = f"{done}/{total}" if total else str(done)
        self.write(f"{counted} {message}".rstrip())


def job_start(
    task: Task, *, owner: AbstractBaseUser, kind: str, title: str, **arguments: Any
) -> Job:
    """Record the job and hand it to the task backend; `arguments` must be JSON values."""
    job = Job.objects.create(owner=owner, kind=kind, title=str(title))
    changed(JOBS, user=owner)
    task.enqueue(job_id=str(job.pk), **arguments)
    job.refresh_from_db()
    return job


def job_run(job_id: str, work: Callable[..., str | None], **arguments: Any) -> None:
    """Run `work(progress, **arguments)` for the job and record how it ended.

    A `ValidationError` is the person's to fix: its messages are shown. Anything else is
    logged with its traceback and shown as a failure without details.
    """
    Job.objects.filter(pk=job_id).update(state=JobState.RUNNING)
    owner_id = Job.objects.filter(pk=job_id).values_list("owner_id", flat=True).first()
    _jobs_changed(owner_id)
    try:
        result_url = work(JobProgress(job_id, owner_id), **arguments) or ""
    except ValidationError as error:
        _finish(job_id, owner_id, JobState.FAILED, message=" ".join(error.messages))
    except Exception:
        logger.exception("background job %s failed", job_id)
        _finish(
            job_id,
            owner_id,
            JobState.FAILED,
            message=gettext("The job failed; the administrator can find the details in the log."),
        )
    else:
        _finish(job_id, owner_id, JobState.DONE, result_url=result_url)


def _finish(job_id: str, owner_id: int | None, state: JobState, **fields) -> None:
    Job.objects.filter(pk=job_id).update(state=state, finished_at=timezone.now(), **fields)
    _jobs_changed(owner_id)


# The cabinet lists a person's jobs of the last days, newest first (SPEC §3): where they
# come back to a job they left running.
RECENT_JOBS_DAYS = 7
RECENT_JOBS_SHOWN = 5


def _recent_jobs(request) -> dict | None:
    since = timezone.now() - timedelta(days=RECENT_JOBS_DAYS)
    jobs = list(Job.objects.filter(owner=request.user, created_at__gte=since)[:RECENT_JOBS_SHOWN])
    return {"jobs": jobs} if jobs else None


# Kept until one of the person's jobs starts, moves on or ends (at most every
# WRITE_EVERY_SECONDS while it runs).
JOBS_PANEL = Panel(
    name="eios.jobs",
    order=90,
    template="eios/cabinet/jobs.html",
    context=_recent_jobs,
    queries=1,
    topics=(JOBS,),
)
