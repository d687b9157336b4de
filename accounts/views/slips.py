"""The printed credentials as a download (regulation §9.7: handed over on paper)."""

from django.http import HttpResponse
from django.urls import reverse

from ..credentials import IssuedCredential, credential_slips_pdf


def slips_response(request, *, school, heading: str, issued: list[IssuedCredential], filename):
    pdf = credential_slips_pdf(
        school_name=school.short_name or school.full_name,
        heading=heading,
        issued=issued,
        login_url=request.build_absolute_uri(reverse("account_login")),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The sheet holds passwords: no copy may stay in a shared cache or the history.
    response["Cache-Control"] = "no-store"
    return response
