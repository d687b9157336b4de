"""The administrator's import from «Сетевой город. Образование»: upload, every problem
named, then applied at once (a small file) or in the background with progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from eios.jobs import job_start

from ..forms import ImportForm
from ..models import ColumnMapping, ImportBatch
from ..services.imports import import_apply, import_batch_create, import_undo
from ..tasks import import_task

PERMISSION = "portfolio.add_importbatch"
# Rows applied inside the request; a larger file goes to the background worker.
ROWS_IN_REQUEST = 200


def _administrator(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise Http404


@login_required
def upload(request):
    _administrator(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            batch, rows = import_batch_create(actor=request.user, content=content, name=upload.name)
        except ValidationError as error:
            problems = error.messages
        else:
            if rows <= ROWS_IN_REQUEST:
                import_apply(batch=batch)
                return redirect(batch)
            job = job_start(
                import_task,
                owner=request.user,
                kind="portfolio.import",
                title=gettext_lazy("Import from «Сетевой город»: %(name)s") % {"name": upload.name},
                batch_id=batch.pk,
            )
            return redirect(job.get_absolute_url())
    return render(
        request,
        "portfolio/import.html",
        {
            "form": form,
            "problems": problems,
            "columns": ColumnMapping.current().columns(),
            "batches": ImportBatch.objects.select_related("created_by")[:20],
        },
    )


@login_required
def batch(request, pk):
    _administrator(request)
    batch = get_object_or_404(ImportBatch, pk=pk)
    return render(
        request,
        "portfolio/import_batch.html",
        {
            "batch": batch,
            "achievements": batch.achievements.select_related("portfolio__pupil")[:500],
        },
    )


@login_required
@require_POST
def undo(request, pk):
    _administrator(request)
    batch = get_object_or_404(ImportBatch, pk=pk)
    try:
        import_undo(actor=request.user, batch=batch)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The import is undone."))
    return redirect(batch)
