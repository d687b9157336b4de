"""Issuing credentials to pupils and printing them (regulation §9.4: issued by the person
the director's order names; §9.6: handed over through the class teacher; §9.7: on paper).

The one-time password exists in plain text only in the returned objects and the PDF made
from them; the database keeps its hash, and the user must replace it at first login
(ASVS 6.4.1).
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML, URLFetcher

from accounts.logins import one_time_password
from accounts.models import User
from accounts.services.authority import accounts_above
from accounts.services.sessions import sessions_end
from eios.audit import AuditKind, audit_record

# Held by those a director's order names to issue credentials (§9.4).
ISSUE_PERMISSION = "accounts.issue_credentials"
SLIPS_PER_ROW = 2  # two columns of four rows: eight slips on an A4 sheet


@dataclass(frozen=True)
class IssuedCredential:
    user: User
    # repr=False: a credential that reaches a log line or a traceback shows no password.
    password: str = field(repr=False)
    issued_by: str
    issued_at: datetime


def credentials_issue(
    *, users: Iterable[User], actor: User | None, request: HttpRequest | None = None
) -> list[IssuedCredential]:
    """Give each user a new one-time password (regulation §9.4, ASVS 6.4.1).

    The password is stored only hashed, `must_change_password` is set, and one audit
    event per user names whose credentials were issued: the log is read per account
    ("when did this pupil get a password, from whom?", §12.2), and a shared `batch` id
    ties the events of one sheet together. All or nothing: one transaction.
    """
    users = list(users)
    blocked = [u.get_username() for u in users if not u.is_active]
    if blocked:
        # A blocked account belongs to an expelled pupil (§6.7): it gets no password.
        raise ValueError(f"credentials for blocked accounts: {', '.join(blocked)}")
    if any(not u.get_username() for u in users):
        raise ValueError("every user needs a login before credentials are issued")
    if accounts_above(actor, users):
        # A new password for an account that holds more is a takeover of it.
        raise PermissionDenied
    issued_at = timezone.now()
    issued_by = actor.get_full_name() or actor.get_username()
    issued = []
    # Hashing is slow on purpose; it is done before the transaction opens.
    for user in users:
        password = one_time_password(user=user)
        user.set_password(password)
        user.must_change_password = True
        issued.append(IssuedCredential(user, password, issued_by, issued_at))
    batch = uuid.uuid4().hex
    with transaction.atomic():
        User.objects.bulk_update(users, ["password", "must_change_password"])
        for user in users:
            # Whoever is signed in with the replaced password is out at once.
            sessions_end(user=user)
            audit_record(
                AuditKind.CREDENTIALS_ISSUED,
                actor=actor,
                subject=user,
                request=request,
                batch=batch,
                count=len(users),
            )
    return issued


@transaction.atomic
def credentials_set(
    *, user: User, password: str, actor: User, request: HttpRequest | None = None
) -> None:
    """A password typed for someone by the administrator (Wagtail's user editor) is a
    one-time password like a printed one (ASVS 6.4.1): it must be changed at the first
    login, it ends the account's sessions, and it is audited as issued credentials. One's
    own password is just changed (the view keeps the session it was changed in)."""
    own = actor.pk == user.pk
    if not own and accounts_above(actor, [user]):
        raise PermissionDenied
    user.set_password(password)
    user.must_change_password = not own
    User.objects.filter(pk=user.pk).update(
        password=user.password, must_change_password=user.must_change_password
    )
    if not own:
        sessions_end(user=user)
    audit_record(
        AuditKind.PASSWORD_CHANGE if own else AuditKind.CREDENTIALS_ISSUED,
        actor=actor,
        subject=user,
        request=request,
        typed_by_administrator=not own,
    )


def credential_slips_pdf(
    *,
    school_name: str,
    heading: str,
    issued: list[IssuedCredential],
    login_url: str,
    attribution: str = "",
) -> bytes:
    """One printable PDF, one slip per person to cut out (regulation §9.7): a class's
    pupils, or a single letter for a member of staff.

    `heading` says whom the sheet is for («Class 5А», a position); `login_url` is the
    absolute address of the login page of the school's site (the view builds it from the
    request: one installation may serve several schools); `attribution` is the line of
    regulation §12.1, printed at the foot of every page.
    """
    rows = [issued[i : i + SLIPS_PER_ROW] for i in range(0, len(issued), SLIPS_PER_ROW)]
    html = render_to_string(
        "accounts/credential_slips.html",
        {
            "school_name": school_name,
            "heading": heading,
            "rows": rows,
            "login_url": login_url,
            "attribution": attribution,
            "issued_by": issued[0].issued_by if issued else "",
            "issued_at": issued[0].issued_at if issued else timezone.now(),
        },
    )
    # The page needs nothing from outside; a fetcher that allows no protocol keeps any
    # address that slipped into a name from being requested while rendering.
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
