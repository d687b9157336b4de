import io
import json
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from accounts.credentials import credential_slips_pdf, credentials_issue
from accounts.models import User
from eios.audit import AuditEvent, AuditKind

pytestmark = pytest.mark.django_db

PUPILS = [
    ("Ёлкин", "Егор", "Юрьевич", "yolkin.ye"),
    ("Щукина-Подъячева", "Йоланта", "", "shchukina-podyacheva.y"),
    ("Объедков", "Юрий", "Ильич", "obyedkov.yu"),
    ("Иванов", "Иван", "Иванович", "ivanov.i"),
    ("Иванова", "Мария", "Петровна", "ivanova.m"),
    ("Хрущёв", "Пётр", "", "khrushchyov.p"),
    ("Д'Артаньян", "Шарль", "", "dartanyan.s"),
    ("Белый", "Илья", "Андреевич", "bely.i"),
    ("Эльдарова", "Айгуль", "Рустамовна", "eldarova.a"),
]


@pytest.fixture
def actor():
    return User.objects.create(
        username="smirnova.m", last_name="Смирнова", first_name="Мария", patronymic="Петровна"
    )


@pytest.fixture
def pupils():
    return [
        User.objects.create(username=login, last_name=last, first_name=first, patronymic=middle)
        for last, first, middle, login in PUPILS
    ]


def test_issuing_stores_only_the_hash_and_forces_a_change(rf, actor, pupils):
    request = rf.post("/", REMOTE_ADDR="10.0.0.7")
    with CaptureQueriesContext(connection) as queries:
        issued = credentials_issue(users=pupils, actor=actor, request=request)
    assert [c.user for c in issued] == pupils
    updates = [q for q in queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1  # one bulk_update for the whole class
    for credential in issued:
        stored = User.objects.get(pk=credential.user.pk)
        assert stored.check_password(credential.password)
        assert credential.password not in stored.password
        assert stored.must_change_password
        assert credential.issued_by == "Смирнова Мария Петровна"


def test_each_pupil_gets_an_audit_event_without_the_password(rf, actor, pupils):
    issued = credentials_issue(
        users=pupils, actor=actor, request=rf.post("/", REMOTE_ADDR="10.0.0.7")
    )
    events = AuditEvent.objects.filter(kind=AuditKind.CREDENTIALS_ISSUED)
    assert sorted(e.subject_id for e in events) == sorted(p.pk for p in pupils)
    assert {e.actor_id for e in events} == {actor.pk}
    assert {e.address for e in events} == {"10.0.0.7"}
    assert len({e.details["batch"] for e in events}) == 1
    logged = json.dumps([e.details for e in events]) + "".join(e.target for e in events)
    assert not any(c.password in logged for c in issued)


def test_passwords_differ_and_never_show_in_a_repr(actor, pupils):
    issued = credentials_issue(users=pupils, actor=actor)
    assert len({c.password for c in issued}) == len(issued)
    assert all(c.password not in repr(c) for c in issued)


def test_blocked_accounts_get_no_credentials(actor, pupils):
    pupils[2].is_active = False
    pupils[2].save()
    with pytest.raises(ValueError, match=r"obyedkov\.yu"):
        credentials_issue(users=pupils, actor=actor)
    assert not User.objects.filter(must_change_password=True).exists()
    assert not AuditEvent.objects.exists()


def test_the_sheet_has_one_slip_per_pupil_with_cyrillic_names(actor, pupils):
    issued = credentials_issue(users=pupils, actor=actor)
    pdf = credential_slips_pdf(
        school_name="МБОУ СШ № 1",
        heading="Класс 4А",
        issued=issued,
        login_url="https://school1.example.ru/accounts/login/",
    )
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == math.ceil(len(PUPILS) / 8)
    text = "\n".join(page.extract_text() for page in reader.pages)
    for pupil, credential in zip(pupils, issued, strict=True):
        assert text.count(pupil.get_full_name()) == 1
        assert text.count(pupil.username) == 1
        assert text.count(credential.password) == 1
    # The rules sentence cites §12.3 once on every slip, whatever the language.
    assert text.count("§12.3") == len(PUPILS)
    # A long address wraps inside its cell; the reader sees it whole.
    unwrapped = text.replace("/\n", "/")
    assert unwrapped.count("https://school1.example.ru/accounts/login/") == len(PUPILS)
    assert text.count("Смирнова Мария Петровна") == len(PUPILS)
    assert "МБОУ СШ № 1" in text
