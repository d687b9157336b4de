from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from eios.access import Action
from eios.attribution import attribution_line
from eios.jobs import job_start
from eios.school import School

from ..files import attachment_response
from ..models import ExportFormat, PortfolioExport
from ..tasks import export_task
from .lookups import allowed, portfolio_or_404

TITLES = {ExportFormat.PDF: _("Portfolio as PDF"), ExportFormat.ZIP: _("Evidence files as ZIP")}


@login_required
@require_POST
def start(request, pupil_id, format):
    """Start the export in the background; the job page tells when the file is ready."""
    if format not in ExportFormat.values:
        raise Http404
    portfolio = portfolio_or_404(request.user, pupil_id)
    school = School.for_request(request)
    name = portfolio.pupil.get_full_name() or portfolio.pupil.get_username()
    job = job_start(
        export_task,
        owner=request.user,
        kind=f"portfolio.export.{format}",
        title=f"{TITLES[ExportFormat(format)]}: {name}",
        portfolio_id=portfolio.pk,
        owner_id=request.user.pk,
        format=format,
        school_name=school.full_name,
        attribution=attribution_line(
            school_name=school.full_name, url=request.build_absolute_uri("/")
        ),
        language=get_language(),
    )
    return redirect(job.get_absolute_url())


@login_required
def download(request, pk):
    export = get_object_or_404(
        PortfolioExport.objects.select_related("portfolio__pupil"), pk=pk, owner=request.user
    )
    allowed(request.user, Action.VIEW, export.portfolio)
    name = f"portfolio-{export.portfolio.pupil.get_username()}.{export.format}"
    return attachment_response(export.file, name=name)
