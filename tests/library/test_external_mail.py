"""External libraries' credentials by e-mail (regulation §10.6; issue 13 §4): the
administrator sends a person, or a whole subscription in the background, their own login;
each message holds the recipient's credential only, goes to a confirmed address only,
never to a blocked person, and every sending is audited."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import BlockKind
from accounts.services.blocking import account_block
from eios.audit import AuditEvent, AuditKind
from eios.jobs import Job, JobState
from library.models import ExternalLibrary, Registration
from library.services.external import credentials_assign, credentials_load
from tests.clients import signed_in
from tests.factories import admin_person_create, person_create

SECRETS = {
    "reader1": ("lan-0001", "Secret-One"),
    "reader2": ("lan-0002", "Secret-Two"),
    "blocked": ("lan-0003", "Secret-Three"),
    "unconfirmed": ("lan-0004", "Secret-Four"),
}


@pytest.fixture
def lan(db):
    return ExternalLibrary.objects.create(
        name="ЭБС «Лань»", url="https://e.lanbook.com/", registration=Registration.ISSUED
    )


@pytest.fixture
def holders(lan, librarian):
    people = {
        "reader1": person_create("reader1", confirmed_email="reader1@school.test"),
        "reader2": person_create("reader2", confirmed_email="reader2@school.test"),
        "blocked": person_create("blocked", confirmed_email="blocked@school.test"),
        "unconfirmed": person_create("unconfirmed"),
    }
    # An address its owner never confirmed may be anyone's: no secret goes there.
    unconfirmed = people["unconfirmed"]
    unconfirmed.email = "unconfirmed@school.test"
    unconfirmed.save()
    EmailAddress.objects.create(user=unconfirmed, email=unconfirmed.email, verified=False)
    lines = "\n".join(";".join(SECRETS[name]) for name in people)
    credentials_load(library=lan, text=lines, actor=librarian)
    credentials_assign(library=lan, people=list(people.values()), actor=librarian)
    return people


def mail(client, lan, person=None):
    url = reverse("library_credential_pool", args=[lan.pk])
    return client.post(url, {"action": "mail", "mail-person": person.pk if person else ""})


def secrets_in(text: str) -> set[str]:
    return {name for name, pair in SECRETS.items() if any(part in text for part in pair)}


def test_a_person_receives_their_own_login_only(lan, holders, librarian, mailoutbox):
    response = mail(signed_in(librarian), lan, holders["reader1"])
    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.to == ["reader1@school.test"]
    assert "lan-0001" in message.body and "Secret-One" in message.body
    assert "https://e.lanbook.com/" in message.body
    assert secrets_in(message.subject + message.body) == {"reader1"}
    event = AuditEvent.objects.get(kind=AuditKind.CREDENTIALS_ISSUED, details__action="mailed")
    assert event.actor == librarian and event.subject == holders["reader1"]
    assert event.details["credential"] == holders["reader1"].library_credentials.get().pk
    assert secrets_in(str(event.details)) == set()


def test_a_whole_subscription_is_mailed_in_the_background(
    lan, holders, librarian, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        account_block(
            user=holders["blocked"], kind=BlockKind.ADMINISTRATOR, reason="отчислен", actor=None
        )
    response = mail(signed_in(librarian), lan)
    job = Job.objects.get(kind="library.mail")
    assert response["Location"] == job.get_absolute_url()
    assert job.state == JobState.DONE, job.message
    assert job.message == "Sent: 2. Without a confirmed e-mail address: 1."
    received = {message.to[0]: secrets_in(message.body) for message in mailoutbox}
    assert received == {"reader1@school.test": {"reader1"}, "reader2@school.test": {"reader2"}}
    mailed = AuditEvent.objects.filter(details__action="mailed")
    assert {event.subject.username for event in mailed} == {"reader1", "reader2"}


def test_a_person_made_inactive_gets_nothing(lan, holders, librarian, mailoutbox):
    # Deactivated by hand, with the login still on their account: still nothing sent.
    holders["reader2"].is_active = False
    holders["reader2"].save()
    client = signed_in(librarian)
    mail(client, lan, holders["reader1"])
    mail(client, lan)
    recipients = [message.to[0] for message in mailoutbox]
    assert "reader2@school.test" not in recipients
    assert recipients.count("reader1@school.test") == 2
    assert not AuditEvent.objects.filter(details__action="mailed", subject=holders["reader2"])


def test_mailing_is_for_those_who_manage_external_libraries(lan, holders, student, mailoutbox):
    clerk = admin_person_create("clerk", "view_externallibrary")
    for person in (holders["reader1"], None):
        refused = mail(signed_in(clerk), lan, person)
        # Wagtail's admin answers a refusal by sending the person back to its dashboard.
        assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert mail(signed_in(student), lan)["Location"].startswith(reverse("account_login"))
    assert mailoutbox == []
    assert not Job.objects.exists()
    assert not AuditEvent.objects.filter(details__action="mailed").exists()
