"""The security audit log: one door for writing it (regulation §5.6, §12.3; 152-ФЗ ст. 19).

Services record events through `audit_record()`; nothing else writes the table. The
log cannot be changed unnoticed (SPEC §3):

- append-only at three levels: this model and its managers (the base manager too)
  refuse to update or delete, and database triggers refuse UPDATE and DELETE on
  PostgreSQL and SQLite (eios/migrations, eios/audit_db.py);
- each event carries `seq` (1, 2, 3 … without gaps) and a SHA-256 `hash` over its
  own content and the hash of the event before it, so an event altered, removed or
  slipped in afterwards breaks the chain, which `manage.py audit_verify` walks.

Appending is serialised so that two transactions never chain to the same predecessor:
PostgreSQL takes a transaction-level advisory lock (held until the surrounding
transaction ends, because until then the predecessor may still roll back); SQLite
serialises writers itself, and a process lock keeps the threads of one server from
reading the same head. The unique `seq` is the last guard: a race can fail a write,
never fork the chain. The critical section is one head read and one insert.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import json
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from eios.hotsql import Insert

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest


class AuditKind(models.TextChoices):
    LOGIN = "login", _("login")
    LOGIN_FAILED = "login_failed", _("failed login")
    LOGIN_LOCKED = "login_locked", _("login locked after failed attempts")
    LOGIN_LOCK_ENDED = "login_lock_ended", _("login lock ended")
    LOGOUT = "logout", _("logout")
    BLOCK = "block", _("account blocked")
    UNBLOCK = "unblock", _("account unblocked")
    PASSWORD_CHANGE = "password_change", _("password changed")
    PASSWORD_RESET = "password_reset", _("password reset")
    CREDENTIALS_ISSUED = "credentials_issued", _("credentials issued")
    ORDER_APPLIED = "order_applied", _("order applied")
    TERMS_ACCEPTED = "terms_accepted", _("terms of use accepted")
    PRIVILEGE_GRANTED = "privilege_granted", _("privilege granted")
    PRIVILEGE_REVOKED = "privilege_revoked", _("privilege revoked")
    SESSIONS_ENDED = "sessions_ended", _("sessions ended")
    ACHIEVEMENT_CONFIRMED = "achievement_confirmed", _("achievement confirmed")
    ACHIEVEMENT_RETURNED = "achievement_returned", _("achievement returned")
    SHARE_LINK_CREATED = "share_link_created", _("share link created")
    SHARE_LINK_REVOKED = "share_link_revoked", _("share link revoked")
    SHARE_LINK_OPENED = "share_link_opened", _("share link opened")


class AppendOnlyError(Exception):
    pass


def _refuse(*args, **kwargs):
    raise AppendOnlyError("the audit log is append-only")


class AuditEventQuerySet(models.QuerySet):
    # The ORM refuses before the database triggers do; a bulk insert would skip the
    # chain, so only `audit_record()` adds rows.
    update = _update = delete = _raw_delete = bulk_create = bulk_update = _refuse


# The predecessor of the first event.
GENESIS = "0" * 64


class AuditEvent(models.Model):
    # Set inside the append's critical section, so that time follows `seq`.
    at = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)
    kind = models.CharField(_("event"), max_length=40, choices=AuditKind.choices, db_index=True)
    # Users are never deleted (they are blocked), so history keeps pointing at them.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("whose account"),
    )
    # A login attempt for an unknown name has no subject: keep what was typed.
    subject_name = models.CharField(_("account name"), max_length=300, blank=True)
    target = models.CharField(_("object"), max_length=300, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    seq = models.PositiveBigIntegerField(_("number"), unique=True, editable=False)
    prev_hash = models.CharField(_("hash of the previous event"), max_length=64, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        # Related deletes and `Model.delete()` collectors go through the base manager.
        base_manager_name = "objects"
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["subject", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self.hash:
            raise AppendOnlyError("the audit log is append-only: events are added by audit_record")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("the audit log is append-only")

    def content_hash(self) -> str:
        return event_hash(
            seq=self.seq,
            at=self.at,
            kind=self.kind,
            actor_id=self.actor_id,
            subject_id=self.subject_id,
            subject_name=self.subject_name,
            target=self.target,
            address=self.address,
            details=self.details,
            prev_hash=self.prev_hash,
        )


def event_hash(
    *,
    seq: int,
    at: datetime.datetime,
    kind: str,
    actor_id: int | None,
    subject_id: int | None,
    subject_name: str,
    target: str,
    address: str | None,
    details: dict[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 over the canonical form of an event: a JSON array (no separator can be
    smuggled into a field), time in UTC to the microsecond, details with sorted keys.
    The migration that chained the existing events uses it too: never change it."""
    utc = at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    canonical = [
        seq,
        utc,
        str(kind),
        actor_id,
        subject_id,
        subject_name,
        target,
        address or "",
        # As the database gives the details back (tuples become lists, keys strings).
        json.loads(json.dumps(details)),
        prev_hash,
    ]
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


_APPEND_LOCK = threading.Lock()
# pg_advisory_xact_lock key of the append: any fixed number no other code uses.
_ADVISORY_KEY = 0x45494F53  # "EIOS"


def _append(event: AuditEvent) -> AuditEvent:
    """Chain `event` to the head of the log and insert it: the critical section."""
    if connection.vendor == "postgresql":
        # PostgreSQL holds the advisory lock to the end of the outer transaction;
        # a process lock released earlier could deadlock against it, so none here.
        # Inside a caller's transaction no savepoint: a failed append fails the caller.
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_KEY])
            return _chain_and_insert(cursor, event)
    with _APPEND_LOCK, transaction.atomic(savepoint=False), connection.cursor() as cursor:
        return _chain_and_insert(cursor, event)


# Every login appends here while every other login waits for the lock: the head read and
# the insert are plain SQL (eios/hotsql.py); `save()` stays refused.
_HEAD_SQL = 'SELECT "seq", "hash" FROM "eios_auditevent" ORDER BY "seq" DESC LIMIT 1'
_INSERT = Insert(
    AuditEvent,
    (
        "at",
        "kind",
        "actor",
        "subject",
        "subject_name",
        "target",
        "address",
        "details",
        "seq",
        "prev_hash",
        "hash",
    ),
    returning_id=True,
)


def _chain_and_insert(cursor, event: AuditEvent) -> AuditEvent:
    cursor.execute(_HEAD_SQL)
    last_seq, last_hash = cursor.fetchone() or (0, GENESIS)
    event.seq = last_seq + 1
    event.prev_hash = last_hash
    event.at = timezone.now()
    # Hash what the database will give back (an IPv6 address is stored normalised).
    event.address = AuditEvent._meta.get_field("address").get_prep_value(event.address)
    event.hash = event.content_hash()
    event.pk = _INSERT.execute(
        cursor, {field.attname: getattr(event, field.attname) for field in _INSERT.fields}
    )
    event._state.adding = False
    event._state.db = connection.alias
    return event


def client_address(request: HttpRequest | None) -> str | None:
    """The visitor's address; behind a proxy the proxy must set REMOTE_ADDR (e.g. uWSGI/gunicorn
    with a trusted X-Forwarded-For handler), never a header the client controls."""
    return request.META.get("REMOTE_ADDR") if request is not None else None


def audit_record(
    kind: AuditKind,
    *,
    actor: AbstractBaseUser | AnonymousUser | None = None,
    subject: AbstractBaseUser | None = None,
    subject_name: str = "",
    target: str = "",
    request: HttpRequest | None = None,
    **details: Any,
) -> AuditEvent:
    """Append one security event. The only writer of the audit table."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    # Cut to the column's size here, so that the hash covers what is stored.
    name = subject_name or (subject.get_username() if subject is not None else "")
    return _append(
        AuditEvent(
            kind=kind,
            actor=actor,
            subject=subject,
            subject_name=name[:300],
            target=target[:300],
            address=client_address(request),
            details=details,
        )
    )


class ChainFault(enum.StrEnum):
    ALTERED = "altered"
    DELETED = "deleted"
    OUT_OF_ORDER = "out_of_order"
    BROKEN = "broken"


@dataclass(frozen=True)
class ChainReport:
    """What `audit_chain_verify()` found: the events checked up to the first fault."""

    checked: int
    head_seq: int
    head_hash: str
    fault: ChainFault | None = None
    seq: int | None = None  # the event at fault (for DELETED: the first one missing)
    pk: int | None = None
    previous_seq: int | None = None
    previous_pk: int | None = None


_CHAINED_FIELDS = (
    "pk",
    "seq",
    "at",
    "kind",
    "actor_id",
    "subject_id",
    "subject_name",
    "target",
    "address",
    "details",
    "prev_hash",
    "hash",
)


def audit_chain_verify() -> ChainReport:
    """Walk the log in `seq` order and stop at the first event that was altered (its
    content no longer gives its hash), deleted (a gap in `seq`), inserted out of order
    (written after an event that follows it) or that does not chain to the one before.

    Removing the newest events leaves a shorter intact chain: compare the head printed
    today with one noted earlier outside the database to catch that."""
    previous = {"pk": 0, "seq": 0, "hash": GENESIS}
    checked = 0
    rows = AuditEvent.objects.order_by("seq").values_list(*_CHAINED_FIELDS).iterator(2000)
    for row in rows:
        event = dict(zip(_CHAINED_FIELDS, row, strict=True))
        where = {
            "seq": event["seq"],
            "pk": event["pk"],
            "previous_seq": previous["seq"] or None,
            "previous_pk": previous["pk"] or None,
        }
        stored_hash = event.pop("hash")
        pk = event.pop("pk")
        if event_hash(**event) != stored_hash:
            fault = ChainFault.ALTERED
        elif event["seq"] != previous["seq"] + 1:
            fault = ChainFault.DELETED
            where["seq"] = previous["seq"] + 1
        elif pk < previous["pk"]:
            fault = ChainFault.OUT_OF_ORDER
        elif event["prev_hash"] != previous["hash"]:
            fault = ChainFault.BROKEN
        else:
            fault = None
        if fault is not None:
            return ChainReport(checked, previous["seq"], previous["hash"], fault, **where)
        checked += 1
        previous = {"pk": pk, "seq": event["seq"], "hash": stored_hash}
    return ChainReport(checked, previous["seq"], previous["hash"])
