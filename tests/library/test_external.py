"""External libraries' credentials (regulation §10.6; issue 13 §4): each person sees only
their own, another's are never reachable by guessing numbers, every reveal is audited,
they are encrypted at rest, and a blocked person's are withdrawn."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import URLPattern, reverse

from accounts.models import BlockKind
from accounts.services.blocking import account_block
from eios.audit import AuditEvent, AuditKind
from eios.cabinet import registered_panels, render_panels
from library import urls as library_urls
from library.credential_keys import ENVIRONMENT_VARIABLE, decrypt
from library.models import ExternalCredential, ExternalLibrary, Registration
from library.services.external import (
    credentials_assign,
    credentials_generate,
    credentials_load,
)
from tests.clients import signed_in


@pytest.fixture
def lan(db):
    return ExternalLibrary.objects.create(
        name="ЭБС «Лань»", url="https://e.lanbook.com/", registration=Registration.ISSUED
    )


@pytest.fixture
def handed_out(lan, student, student2, librarian):
    credentials_load(
        library=lan,
        text="lan-0001;Secret-One\nlan-0002,Secret-Two\nlan-0003;Secret-Three\n",
        actor=librarian,
    )
    credentials_assign(library=lan, people=[student, student2], actor=librarian)
    return {
        person.username: ExternalCredential.objects.get(holder=person)
        for person in (student, student2)
    }


def reveal(client, credential):
    return client.post(reverse("library:credential_show", args=[credential.pk]))


def test_a_pupil_sees_only_their_own_login(student, handed_out):
    client = signed_in(student)
    page = client.get(reverse("library:credentials")).content.decode()
    assert page.count("Show my login and password") == 1
    response = reveal(client, handed_out["student"])
    assert response.status_code == 200
    shown = response.content.decode()
    assert "lan-0001" in shown and "Secret-One" in shown
    assert "lan-0002" not in shown
    assert response["Cache-Control"].startswith("max-age=0")


def test_every_reveal_is_audited(student, handed_out):
    reveal(signed_in(student), handed_out["student"])
    event = AuditEvent.objects.filter(kind=AuditKind.CREDENTIALS_ISSUED, actor=student).get(
        details__action="revealed"
    )
    assert event.subject == student
    assert event.details["credential"] == handed_out["student"].pk
    assert "Secret" not in str(event.details) and "lan-0001" not in str(event.details)


def _paths_with_an_id(pk: int):
    for pattern in library_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if "<int:pk>" in str(pattern.pattern):
            yield reverse(f"library:{pattern.name}", args=[pk])


def test_another_pupils_login_is_never_reachable_by_guessing_numbers(student, handed_out):
    client = signed_in(student)
    theirs = handed_out["student2"]
    secrets = ("lan-0002", "Secret-Two")
    for pk in range(1, theirs.pk + 5):
        for path in _paths_with_an_id(pk):
            for method in (client.get, client.post):
                response = method(path)
                if pk != handed_out["student"].pk or "external" not in path:
                    assert response.status_code in {404, 405}, (path, method)
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                assert not any(secret.encode() in body for secret in secrets)
    assert not AuditEvent.objects.filter(details__credential=theirs.pk, actor=student).exists()


def test_credentials_are_encrypted_at_rest(handed_out):
    stored = ExternalCredential.objects.values_list("login_token", "password_token")
    for login_token, password_token in stored:
        assert "lan-" not in login_token and "Secret" not in password_token
    assert decrypt(handed_out["student"].password_token) == "Secret-One"


def test_the_cabinet_panel_shows_the_persons_own_libraries(student, student2, handed_out, lan):
    panel = next(panel for panel in registered_panels() if panel.name == "library")
    request = RequestFactory().get("/cabinet/")
    request.user = student
    (html,) = [
        section for section in render_panels(request, [panel]) if "library-panel-title" in section
    ]
    assert html.count("Show my login and password") == 1
    assert reverse("library:credential_show", args=[handed_out["student"].pk]) in html
    assert reverse("library:credential_show", args=[handed_out["student2"].pk]) not in html


def test_a_blocked_persons_credentials_are_withdrawn_and_flagged_for_return(
    student, handed_out, librarian, django_capture_on_commit_callbacks
):
    client = signed_in(student)
    with django_capture_on_commit_callbacks(execute=True):
        account_block(
            user=student, kind=BlockKind.ADMINISTRATOR, reason="отчислен", actor=librarian
        )
    withdrawn = ExternalCredential.objects.get(pk=handed_out["student"].pk)
    assert withdrawn.withdrawn_at is not None and withdrawn.return_to_provider
    assert not withdrawn.in_pool  # never handed to anyone else before the provider resets it
    assert AuditEvent.objects.filter(
        kind=AuditKind.PRIVILEGE_REVOKED, subject=student, details__action="withdrawn"
    ).exists()
    assert reveal(client, withdrawn).status_code == 302  # signed out by the block
    assert not ExternalCredential.objects.filter(holder=student, withdrawn_at=None).exists()


def test_assigning_more_than_the_pool_holds_assigns_nothing(lan, student, student2, librarian):
    credentials_generate(library=lan, count=1, prefix="sch1-", actor=librarian)
    with pytest.raises(ValidationError, match="1 free logins; 2 are needed"):
        credentials_assign(library=lan, people=[student, student2], actor=librarian)
    assert not ExternalCredential.objects.exclude(holder=None).exists()


def test_assigning_twice_gives_a_person_one_login(lan, student, librarian):
    credentials_generate(library=lan, count=3, prefix="sch1-", actor=librarian)
    credentials_assign(library=lan, people=[student], actor=librarian)
    assert credentials_assign(library=lan, people=[student], actor=librarian) == 0
    assert ExternalCredential.objects.filter(holder=student).count() == 1
    assert decrypt(ExternalCredential.objects.get(holder=student).login_token).startswith("sch1-")


def test_a_self_registration_library_has_no_pool(db, librarian):
    open_library = ExternalLibrary.objects.create(
        name="НЭБ", url="https://rusneb.ru/", registration=Registration.SELF
    )
    with pytest.raises(ValidationError):
        credentials_generate(library=open_library, count=5, prefix="x-", actor=librarian)


def test_a_bad_line_refuses_the_whole_list(lan, librarian):
    with pytest.raises(ValidationError, match="Line 2"):
        credentials_load(library=lan, text="a;b\nonly-login\n", actor=librarian)
    assert not ExternalCredential.objects.exists()


def test_keys_rotate_without_losing_a_credential(lan, student, librarian, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, old)
    credentials_load(library=lan, text="lan-9;Pass-9", actor=librarian)
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, f"{new},{old}")
    call_command("library_rotate_keys")
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, new)
    credential = ExternalCredential.objects.get()
    assert decrypt(credential.password_token) == "Pass-9"


def test_the_admin_assigns_a_pool_to_a_person(lan, student, librarian):
    client = signed_in(librarian)
    url = reverse("library_credential_pool", args=[lan.pk])
    client.post(url, {"action": "generate", "generate-count": 5, "generate-prefix": "sch1-"})
    response = client.post(url, {"action": "assign", "assign-person": student.pk})
    assert response.status_code == 302
    assert ExternalCredential.objects.filter(holder=student).count() == 1
    assert "Free: 4" in client.get(url).content.decode()


def test_production_is_warned_without_its_own_keys(monkeypatch):
    from library.checks import credential_keys_check

    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    assert [message.id for message in credential_keys_check()] == ["library.W001"]
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, "not-a-key")
    assert [message.id for message in credential_keys_check()] == ["library.E001"]
    monkeypatch.setenv(ENVIRONMENT_VARIABLE, Fernet.generate_key().decode())
    assert credential_keys_check() == []


def test_the_admin_lists_a_pool_beside_its_library(lan, librarian):
    client = signed_in(librarian)
    listing = client.get(reverse("wagtailsnippets_library_externallibrary:list"))
    assert reverse("library_credential_pool", args=[lan.pk]) in listing.content.decode()


def test_the_provider_gets_the_free_and_withdrawn_logins_never_names(
    lan, student, librarian, django_capture_on_commit_callbacks
):
    credentials_load(library=lan, text="lan-1;P-1\nlan-2;P-2\nlan-3;P-3", actor=librarian)
    credentials_assign(library=lan, people=[student], actor=librarian)
    with django_capture_on_commit_callbacks(execute=True):
        account_block(
            user=student, kind=BlockKind.ADMINISTRATOR, reason="отчислен", actor=librarian
        )
    client = signed_in(librarian)
    response = client.post(reverse("library_credential_pool_export", args=[lan.pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines() == [
        "Login;Password;Login state",
        "lan-1;P-1;to return",
        "lan-2;P-2;free",
        "lan-3;P-3;free",
    ]
    assert "Кузнецов" not in text and "student" not in text
    assert AuditEvent.objects.filter(actor=librarian, details__action="exported_for_provider")
    assert (
        signed_in(student)
        .post(reverse("library_credential_pool_export", args=[lan.pk]))
        .status_code
        == 302
    )
