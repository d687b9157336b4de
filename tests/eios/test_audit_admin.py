"""The audit log among the admin's Reports: who may read it, what it shows, its export."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import timezone

from accounts.models import User
from eios.audit import AuditEvent, AuditKind, audit_record
from tests.factories import admin_person_create

pytestmark = pytest.mark.django_db

# Session, user, terms, Wagtail's profile, locales and pages of the menu, the count and
# the page of events with their actors and subjects joined.
AUDIT_LOG_BUDGET = 12


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def auditor(db):
    return admin_person_create(
        "orlova.e", "view_auditevent", last_name="Орлова", first_name="Елена"
    )


@pytest.fixture
def events(rf, auditor):
    pupil = User.objects.create_user("ivanov.p", last_name="Иванов", first_name="Пётр")
    office = rf.get("/", REMOTE_ADDR="10.0.0.7")
    outside = rf.get("/", REMOTE_ADDR="203.0.113.9")
    audit_record(AuditKind.LOGIN, actor=pupil, subject=pupil, request=office)
    audit_record(
        AuditKind.BLOCK, actor=auditor, subject=pupil, request=office, reason="Пароль узнали"
    )
    audit_record(AuditKind.LOGIN_FAILED, subject_name="=HYPERLINK(evil)", request=outside)
    return pupil


def page(client, **params) -> str:
    """The table of events as the reader sees it (the filter form lists every kind)."""
    response = client.get(reverse("audit_log"), params)
    assert response.status_code == 200
    html = response.content.decode()
    if '<table class="listing' not in html:
        return ""
    start = html.index('<table class="listing')
    return html[start : html.index("</table>", start)]


def test_the_log_lists_events_newest_first(client, auditor, events):
    client.force_login(auditor)

    html = page(client)

    kinds = re.findall(r">\s*(failed login|account blocked|login)\s*<", html)
    # Newest first (logging the reader in may add a login of theirs on top).
    assert kinds[-3:] == ["failed login", "account blocked", "login"]
    assert "Иванов Пётр (ivanov.p)" in html
    assert "Орлова Елена (orlova.e)" in html
    assert "203.0.113.9" in html
    assert "=HYPERLINK(evil)" in html


def test_the_log_filters_by_kind_account_address_and_date(client, auditor, events):
    client.force_login(auditor)

    blocks = page(client, kind=AuditKind.BLOCK)
    assert "account blocked" in blocks
    assert "failed login" not in blocks

    of_pupil = page(client, subject="ivanov")
    assert "account blocked" in of_pupil
    assert "failed login" not in of_pupil

    outside = page(client, address="203.0.")
    assert "failed login" in outside
    assert "account blocked" not in outside

    today = timezone.localdate()
    assert "account blocked" in page(client, at_from=today.isoformat(), at_to=today.isoformat())
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert "account blocked" not in page(client, at_from=tomorrow)


def test_the_log_runs_a_fixed_number_of_queries(client, auditor, events):
    client.force_login(auditor)
    page(client)  # warm the per-process caches (current terms of use)
    counts = []
    for _round in range(2):
        with CaptureQueriesContext(connection) as queries:
            page(client)
        counts.append(len(queries))
        for _ in range(20):
            audit_record(AuditKind.LOGIN, actor=events, subject=events)
    assert counts[0] == counts[1] <= AUDIT_LOG_BUDGET


def test_csv_export_has_the_rows_and_defuses_formulas(client, auditor, events):
    client.force_login(auditor)

    response = client.get(reverse("audit_log"), {"export": "csv", "kind": AuditKind.BLOCK})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0] == "Time;Event;Who;Whose account;Object;Address"
    assert "account blocked;Орлова Елена (orlova.e);Иванов Пётр (ivanov.p);;10.0.0.7" in body
    assert "failed login" not in body

    everything = b"".join(
        client.get(reverse("audit_log"), {"export": "csv"}).streaming_content
    ).decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in everything


def test_xlsx_export(client, auditor, events):
    client.force_login(auditor)
    response = client.get(reverse("audit_log"), {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_without_the_permission_the_log_is_refused_and_not_in_the_menu(client, events):
    clerk = admin_person_create("clerk", last_name="")
    client.force_login(clerk)

    response = client.get(reverse("audit_log"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    home = client.get(response.url).content.decode()
    assert "Sorry, you do not have permission to access this area." in home
    assert reverse("audit_log") not in home
    export = client.get(reverse("audit_log"), {"export": "csv"})
    assert export.status_code == 302


def test_the_menu_shows_the_log_to_its_readers(client, auditor):
    client.force_login(auditor)
    assert reverse("audit_log") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_no_address_edits_or_deletes_an_event(client, auditor, events):
    client.force_login(auditor)
    event = AuditEvent.objects.first()
    for name in ("edit", "delete", "add", "create", "update"):
        for pattern in (f"audit_log_{name}", f"auditevent:{name}", f"auditevents:{name}"):
            with pytest.raises(NoReverseMatch):
                reverse(pattern, args=[event.pk])
    admin_names = [
        name
        for name in get_resolver().reverse_dict
        if isinstance(name, str) and ("auditevent" in name.lower() or name.startswith("audit_"))
    ]
    assert sorted(admin_names) == ["audit_log", "audit_log_results"]
    # The report answers reads only.
    count = AuditEvent.objects.count()
    assert client.post(reverse("audit_log"), {"kind": "login"}).status_code == 405
    assert AuditEvent.objects.count() == count
