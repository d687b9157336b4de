"""External libraries' credentials by e-mail (regulation §10.6; issue 13 §4): the
administrator sends each holder their own login and password. One message per
credential, to its holder's confirmed address only (an unconfirmed one could be anyone's);
never to a blocked person; every sending audited like a reveal."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from eios.audit import AuditKind, audit_record

from ..credential_keys import decrypt
from ..models import ExternalCredential, ExternalLibrary


def confirmed_addresses(user_ids) -> dict[int, str]:
    """Each person's confirmed address, the primary one first (one query)."""
    addresses: dict[int, str] = {}
    for user_id, email in (
        EmailAddress.objects.filter(user_id__in=user_ids, verified=True)
        .order_by("-primary", "pk")
        .values_list("user_id", "email")
    ):
        addresses.setdefault(user_id, email)
    return addresses


def credentials_mail(
    *,
    library: ExternalLibrary,
    actor: User,
    holder: User | None = None,
    request=None,
    progress=None,
) -> tuple[int, int]:
    """Mail `holder` (or every holder of `library`) their credential in force. Returns
    (sent, left out for want of a confirmed address)."""
    credentials = ExternalCredential.objects.filter(
        library=library, withdrawn_at=None, holder__is_active=True
    ).select_related("holder")
    if holder is not None:
        credentials = credentials.filter(holder=holder)
    credentials = list(credentials.order_by("pk"))
    addresses = confirmed_addresses({credential.holder_id for credential in credentials})
    sent = 0
    with get_connection() as connection:
        for number, credential in enumerate(credentials, 1):
            address = addresses.get(credential.holder_id)
            if address is not None:
                _send(credential, library, address, connection)
                audit_record(
                    AuditKind.CREDENTIALS_ISSUED,
                    actor=actor,
                    subject=credential.holder,
                    target=str(library),
                    request=request,
                    external_library=library.pk,
                    credential=credential.pk,
                    action="mailed",
                    address=address,
                )
                sent += 1
            if progress is not None:
                progress.step(number, len(credentials))
    missing = len(credentials) - sent
    if progress is not None:
        progress.step(len(credentials), len(credentials), message=mailed_message(sent, missing))
    return sent, missing


def mailed_message(sent: int, missing: int) -> str:
    return _("Sent: %(sent)d. Without a confirmed e-mail address: %(missing)d.") % {
        "sent": sent,
        "missing": missing,
    }


def _send(credential: ExternalCredential, library: ExternalLibrary, address: str, connection):
    context = {
        "library": library,
        "person": credential.holder,
        "login": decrypt(credential.login_token),
        "password": decrypt(credential.password_token),
    }
    subject = render_to_string("library/email/credentials_subject.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string("library/email/credentials_message.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        connection=connection,
    ).send()


def credentials_mail_work(progress, *, library_id: int, actor_id: int) -> str:
    """The background job of mailing a whole subscription (library/tasks.py)."""
    library = ExternalLibrary.objects.get(pk=library_id)
    actor = User.objects.get(pk=actor_id)
    credentials_mail(library=library, actor=actor, progress=progress)
    return reverse("library_credential_pool", args=[library.pk])
