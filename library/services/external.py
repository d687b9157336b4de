"""External libraries' credentials (regulation §10.6): loaded or generated into a pool,
assigned to people, classes or positions, revealed to their holder only (audited),
withdrawn from a blocked person and flagged for return to the provider (§6.7)."""

import secrets as random_source

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.logins import PASSWORD_ALPHABET
from accounts.models import User
from eios.audit import AuditKind, audit_record
from eios.cabinet import changed

from ..credential_keys import decrypt, encrypt
from ..models import ExternalCredential, ExternalLibrary, Registration

CABINET_TOPIC = "library.credentials"
LOGIN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def _issued_only(library: ExternalLibrary) -> None:
    if library.registration != Registration.ISSUED:
        raise ValidationError(
            _("%(library)s: users register there themselves; the school hands out no logins.")
            % {"library": library}
        )


@transaction.atomic
def credentials_load(*, library: ExternalLibrary, text: str, actor: User | None) -> int:
    """Add the provider's logins to the pool: lines «login;password» (or with a comma).
    All or nothing: a line without a password refuses the whole list."""
    _issued_only(library)
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        row = line.split(";" if ";" in line else ",", 1)
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise ValidationError(
                _("Line %(line)d: a login and a password are needed.") % {"line": number}
            )
        pairs.append((row[0].strip(), row[1].strip()))
    ExternalCredential.objects.bulk_create(
        ExternalCredential(library=library, login_token=encrypt(login), password_token=encrypt(pw))
        for login, pw in pairs
    )
    return len(pairs)


@transaction.atomic
def credentials_generate(
    *, library: ExternalLibrary, count: int, prefix: str, actor: User | None
) -> int:
    """Generate `count` depersonalised logins for the school to register with the
    provider (prefix + random part; no name in them)."""
    _issued_only(library)
    ExternalCredential.objects.bulk_create(
        ExternalCredential(
            library=library,
            login_token=encrypt(prefix + _random(LOGIN_ALPHABET, 8)),
            password_token=encrypt(_random(PASSWORD_ALPHABET, 12)),
        )
        for _number in range(count)
    )
    return count


def _random(alphabet: str, length: int) -> str:
    return "".join(random_source.choice(alphabet) for _ in range(length))


@transaction.atomic
def credentials_assign(
    *, library: ExternalLibrary, people, actor: User | None, request=None
) -> int:
    """Give each of `people` (a person, a class's pupils, a position's holders) who has
    none yet one credential from the pool. Refused whole when the pool runs short."""
    _issued_only(library)
    people = [person for person in people if person.is_active]
    holding = set(
        ExternalCredential.objects.filter(
            library=library, holder__in=people, withdrawn_at=None
        ).values_list("holder_id", flat=True)
    )
    wanting = [person for person in people if person.pk not in holding]
    pool = list(
        ExternalCredential.objects.select_for_update()
        .filter(library=library, holder=None, withdrawn_at=None)
        .order_by("pk")[: len(wanting)]
    )
    if len(pool) < len(wanting):
        raise ValidationError(
            _("The pool of %(library)s has %(free)d free logins; %(needed)d are needed.")
            % {"library": library, "free": len(pool), "needed": len(wanting)}
        )
    now = timezone.now()
    for credential, person in zip(pool, wanting, strict=True):
        credential.holder = person
        credential.assigned_at = now
        audit_record(
            AuditKind.CREDENTIALS_ISSUED,
            actor=actor,
            subject=person,
            target=str(library),
            request=request,
            external_library=library.pk,
            credential=credential.pk,
            action="assigned",
        )
    ExternalCredential.objects.bulk_update(pool, ["holder", "assigned_at"])
    for person in wanting:
        transaction.on_commit(lambda person=person: changed(CABINET_TOPIC, user=person))
    return len(wanting)


def credential_reveal(*, credential: ExternalCredential, actor: User, request=None) -> dict:
    """The login and password, to their holder only; every reveal is audited."""
    if credential.holder_id != actor.pk or credential.withdrawn_at is not None:
        raise ExternalCredential.DoesNotExist
    audit_record(
        AuditKind.CREDENTIALS_ISSUED,
        actor=actor,
        subject=actor,
        target=str(credential.library),
        request=request,
        external_library=credential.library_id,
        credential=credential.pk,
        action="revealed",
    )
    return {
        "login": decrypt(credential.login_token),
        "password": decrypt(credential.password_token),
    }


@transaction.atomic
def credentials_withdraw(*, holder: User, actor: User | None, request=None) -> int:
    """Take a blocked person's credentials away (§6.7) and flag them for return to the
    provider, who must reset them before anyone else gets them."""
    credentials = list(
        ExternalCredential.objects.select_related("library").filter(
            holder=holder, withdrawn_at=None
        )
    )
    now = timezone.now()
    for credential in credentials:
        credential.withdrawn_at = now
        credential.return_to_provider = True
        audit_record(
            AuditKind.PRIVILEGE_REVOKED,
            actor=actor,
            subject=holder,
            target=str(credential.library),
            request=request,
            external_library=credential.library_id,
            credential=credential.pk,
            action="withdrawn",
        )
    ExternalCredential.objects.bulk_update(credentials, ["withdrawn_at", "return_to_provider"])
    if credentials:
        transaction.on_commit(lambda: changed(CABINET_TOPIC, user=holder))
    return len(credentials)


def credentials_for_provider(
    *, library: ExternalLibrary, actor: User, request=None
) -> list[tuple[str, str, str]]:
    """The pool as the provider needs it: generated logins to register, withdrawn ones to
    reset. (login, password, state) rows — never the holders' names; audited."""
    rows = []
    for credential in library.credentials.filter(Q(holder=None) | Q(return_to_provider=True)):
        state = _("to return") if credential.return_to_provider else _("free")
        rows.append((decrypt(credential.login_token), decrypt(credential.password_token), state))
    audit_record(
        AuditKind.CREDENTIALS_ISSUED,
        actor=actor,
        target=str(library),
        request=request,
        external_library=library.pk,
        action="exported_for_provider",
        count=len(rows),
    )
    return rows


@transaction.atomic
def credentials_rotate_keys() -> int:
    """Re-encrypt every credential with the first key (library/credential_keys.py)."""
    from ..credential_keys import rotate

    credentials = list(ExternalCredential.objects.only("login_token", "password_token"))
    for credential in credentials:
        credential.login_token = rotate(credential.login_token)
        credential.password_token = rotate(credential.password_token)
    ExternalCredential.objects.bulk_update(credentials, ["login_token", "password_token"])
    return len(credentials)
