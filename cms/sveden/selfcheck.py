"""Run the /sveden/ audit against a school site without a network round trip.

Editors press a button in the admin and the command runs from cron on the server
itself; both read the pages through the full middleware stack, exactly as a
visitor gets them, but in-process, so a single-process server cannot deadlock
waiting for itself.
"""

from urllib.parse import urlsplit

from django.test import Client
from wagtail.models import Site

from .audit import AuditReport, Fetch, FetchError, audit_site


def _internal_fetch(site: Site) -> Fetch:
    client = Client(raise_request_exception=False)
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"

    def fetch(url: str) -> str:
        parts = urlsplit(url)
        response = client.get(parts.path, query_params=parts.query or None, HTTP_HOST=host)
        if response.status_code != 200:
            raise FetchError(url, f"HTTP {response.status_code}")
        return response.content.decode(response.charset or "utf-8")

    return fetch


def sveden_audit_run(*, site: Site) -> AuditReport:
    """Audit the site's «Сведения» section as Rosobrnadzor's robot would ([MR9] §5)."""
    return audit_site(site.root_url, fetch=_internal_fetch(site))
