"""The printed credentials as a download (regulation §9.7: handed over on paper)."""

from django.http import HttpResponse
from django.urls import reverse

from eios.attribution import attribution_line

from ..credentials import IssuedCredential, credential_slips_pdf


def slips_response(request, *, school, heading: str, issued: list[IssuedCredential], filename):
    pdf = credential_slips_pdf(
        school_name=school.short_name or school.full_name,
        heading=heading,
        issued=issued,
        login_url=request.build_absolute_uri(reverse("account_login")),
        # Regulation §12.1 on the printed sheet too, with the host the site is reached by.
        attribution=attribution_line(
            school_name=school.full_name, url=request.build_absolute_uri("/")
        ),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The sheet holds passwords: no copy may stay in a shared cache or the history.
    response["Cache-Control"] = "no-store"
    return response
