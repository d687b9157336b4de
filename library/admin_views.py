"""Admin screens of the library beyond the snippets: staged imports (upload, preview,
commit, undo) and the pool of an external library's credentials."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import User
from accounts.selectors import pupils_of
from eios.exports import csv_lines
from eios.jobs import job_start

from .forms import ImportForm, PoolAssignForm, PoolGenerateForm, PoolLoadForm, PoolMailForm
from .imports.staging import batch_commit, batch_undo
from .models import ExternalLibrary, ImportBatch, RecordStatus
from .services.external import (
    credentials_assign,
    credentials_for_provider,
    credentials_generate,
    credentials_load,
)
from .services.mailing import credentials_mail, mailed_message
from .tasks import credentials_mail_task, import_stage_task


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def imports(request):
    """Upload a file to stage it (in the background: the job page shows its progress)."""
    _require(request, "library.add_edition")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # The task reads the file from disk: a queued job cannot carry the upload itself.
        folder = Path(settings.MEDIA_ROOT) / "library" / "imports"
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as stored:
            for chunk in upload.chunks():
                stored.write(chunk)
        job = job_start(
            import_stage_task,
            owner=request.user,
            kind="library.import",
            title=_("Library import: %(file)s") % {"file": upload.name},
            path=stored.name,
            file_name=upload.name,
            declared_format=form.cleaned_data["format"],
            owner_id=request.user.pk,
        )
        return redirect(job.get_absolute_url())
    batches = ImportBatch.objects.select_related("owner").annotate(
        new=Count("records", filter=Q(records__status=RecordStatus.NEW)),
        problems_count=Count("records", filter=Q(records__status=RecordStatus.PROBLEM)),
    )[:30]
    context = {"form": form, "batches": batches, "page_title": _("Library imports")}
    return TemplateResponse(request, "library/admin/imports.html", context)


@require_http_methods(["GET", "POST"])
def batch(request, pk: int):
    """The preview of a staged batch, and its commit or undo."""
    _require(request, "library.add_edition")
    found = get_object_or_404(ImportBatch, pk=pk)
    if request.method == "POST":
        action = batch_commit if request.POST.get("action") == "commit" else batch_undo
        try:
            count = action(batch=found, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                (
                    _("Editions added: %(count)d.")
                    if action is batch_commit
                    else _("Editions removed: %(count)d.")
                )
                % {"count": count},
            )
        return redirect("library_import_batch", pk=found.pk)
    records = found.records.select_related("match").order_by("number")
    counts = dict(records.values_list("status").annotate(n=Count("pk")).order_by())
    context = {
        "batch": found,
        "records": records[:500],
        "counts": {status: counts.get(status, 0) for status in RecordStatus.values},
        "page_title": _("Import batch"),
    }
    return TemplateResponse(request, "library/admin/batch.html", context)


@require_http_methods(["GET", "POST"])
def credential_pool(request, pk: int):
    """Load, generate and assign the pool of an external library's logins (§10.6)."""
    _require(request, "library.change_externallibrary")
    library = get_object_or_404(ExternalLibrary, pk=pk)
    forms = {
        "load": PoolLoadForm(prefix="load"),
        "generate": PoolGenerateForm(prefix="generate"),
        "assign": PoolAssignForm(prefix="assign"),
        "mail": PoolMailForm(prefix="mail"),
    }
    action = request.POST.get("action")
    if request.method == "POST" and action in forms:
        form = forms[action] = type(forms[action])(request.POST, prefix=action)
        if form.is_valid() and action == "mail":
            return _mail(request, library, form.cleaned_data["person"])
        if form.is_valid():
            try:
                count = _pool_action(request, library, action, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Done: %(count)d.") % {"count": count})
                return redirect("library_credential_pool", pk=library.pk)
    stock = library.credentials.aggregate(
        free=Count("pk", filter=Q(holder=None, withdrawn_at=None)),
        assigned=Count("pk", filter=Q(withdrawn_at=None) & ~Q(holder=None)),
        to_return=Count("pk", filter=Q(return_to_provider=True)),
    )
    context = {
        "library": library,
        "forms": forms,
        "stock": stock,
        "page_title": _("Logins of %(library)s") % {"library": library},
    }
    return TemplateResponse(request, "library/admin/pool.html", context)


@require_http_methods(["POST"])
def credential_pool_export(request, pk: int):
    """The free and the withdrawn logins, to register with the provider or have reset."""
    _require(request, "library.change_externallibrary")
    library = get_object_or_404(ExternalLibrary, pk=pk)
    rows = credentials_for_provider(library=library, actor=request.user, request=request)
    response = StreamingHttpResponse(
        csv_lines([_("Login"), _("Password"), _("Login state")], rows),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="library-{library.pk}-logins.csv"'
    response["Cache-Control"] = "no-store"
    return response


def _mail(request, library: ExternalLibrary, person: User | None):
    """One person's login at once; a whole subscription's in the background."""
    if person is not None:
        sent, missing = credentials_mail(
            library=library, actor=request.user, holder=person, request=request
        )
        messages.success(request, mailed_message(sent, missing))
        return redirect("library_credential_pool", pk=library.pk)
    job = job_start(
        credentials_mail_task,
        owner=request.user,
        kind="library.mail",
        title=_("Logins of %(library)s by e-mail") % {"library": library},
        library_id=library.pk,
        actor_id=request.user.pk,
    )
    return redirect(job.get_absolute_url())


def _pool_action(request, library, action: str, data: dict) -> int:
    if action == "load":
        return credentials_load(library=library, text=data["lines"], actor=request.user)
    if action == "generate":
        return credentials_generate(
            library=library, count=data["count"], prefix=data["prefix"], actor=request.user
        )
    if data["person"]:
        people = [data["person"]]
    elif data["school_class"]:
        people = pupils_of(data["school_class"])
    else:
        people = list(
            User.objects.filter(
                appointments__position=data["position"], appointments__ended_on__isnull=True
            ).distinct()
        )
    return credentials_assign(library=library, people=people, actor=request.user, request=request)
