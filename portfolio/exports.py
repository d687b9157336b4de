"""The portfolio as a document (regulation §11.1: «exportable as a document»): a PDF that
looks like the portfolio, with the school's attribution line (§12.1) and a confirmation
mark on every confirmed item, and a ZIP of the evidence files. Both are made in the
background (portfolio/tasks.py) and kept as a `PortfolioExport` for whoever asked."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from weasyprint import HTML, URLFetcher

from accounts.models import User
from eios.cabinet import changed

from .models import ExportFormat, Portfolio, PortfolioExport
from .selectors import achievements_of, summary_of
from .services.notify import TOPIC


def portfolio_pdf(*, portfolio: Portfolio, school_name: str, attribution: str) -> bytes:
    html = render_to_string(
        "portfolio/export_pdf.html",
        {
            "portfolio": portfolio,
            "pupil": portfolio.pupil,
            "school_name": school_name,
            "attribution": attribution,
            "summary": summary_of(portfolio),
            "achievements": achievements_of(portfolio, confirmed_only=True),
            "made_at": timezone.now(),
        },
    )
    # Nothing is fetched while rendering: a name typed by a pupil cannot make us request.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()


def evidence_zip(*, portfolio: Portfolio, progress=None) -> bytes:
    """Every evidence file, in a folder per achievement (names made unique)."""
    achievements = achievements_of(portfolio)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, achievement in enumerate(achievements, start=1):
            folder = f"{achievement.date:%Y-%m-%d} {achievement.event}"[:80].replace("/", "-")
            for evidence in achievement.evidence.all():
                with evidence.file.open("rb") as stored:
                    archive.writestr(f"{number:03d} {folder}/{evidence.name}", stored.read())
            if progress is not None:
                progress.step(number, len(achievements))
    return buffer.getvalue()


def portfolio_export(
    progress,
    *,
    portfolio_id: int,
    owner_id: int,
    format: str,
    school_name: str,
    attribution: str,
    language: str,
) -> str:
    """The work of an export job: the file made and kept; its address is the result."""
    portfolio = Portfolio.objects.select_related("pupil").get(pk=portfolio_id)
    owner = User.objects.get(pk=owner_id)
    with override(language):
        if format == ExportFormat.PDF:
            progress.step(0, 1, message=_("Making the PDF"))
            content = portfolio_pdf(
                portfolio=portfolio, school_name=school_name, attribution=attribution
            )
        else:
            content = evidence_zip(portfolio=portfolio, progress=progress)
    name = f"portfolio-{portfolio.pupil.get_username()}.{format}"
    export = PortfolioExport.objects.create(
        portfolio=portfolio, owner=owner, format=format, file=ContentFile(content, name=name)
    )
    changed(TOPIC, user=owner)  # the cabinet tells the person the file is ready
    return export.get_absolute_url()
