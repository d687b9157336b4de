"""Positions held by people and the permission groups that follow from them (§5.3)."""

import datetime

from django.http import HttpRequest

from accounts.models import Appointment, Order, Position, User
from accounts.selectors import positions_of
from eios.audit import AuditKind, audit_record


def _audit(kind, user, position, order, actor, request) -> None:
    audit_record(
        kind,
        actor=actor,
        subject=user,
        target=str(position),
        request=request,
        position=position.code,
        order=order.pk if order else None,
    )


def appointment_start(
    *,
    user: User,
    position: Position,
    on: datetime.date,
    order: Order | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> Appointment | None:
    """Appoint `user` to `position`; the position's group grants its permissions. None
    when they already hold it."""
    if Appointment.objects.filter(user=user, position=position, ended_on__isnull=True).exists():
        return None
    appointment = Appointment.objects.create(
        user=user, position=position, started_on=on, started_by=order
    )
    if position.group_id:
        user.groups.add(position.group_id)
    _audit(AuditKind.PRIVILEGE_GRANTED, user, position, order, actor, request)
    return appointment


def appointment_end(
    *,
    user: User,
    position: Position,
    on: datetime.date,
    order: Order | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> None:
    ended = Appointment.objects.filter(user=user, position=position, ended_on__isnull=True).update(
        ended_on=on, ended_by=order
    )
    if not ended:
        return
    if position.group_id:
        user.groups.remove(position.group_id)
    _audit(AuditKind.PRIVILEGE_REVOKED, user, position, order, actor, request)


def appointments_end_all(
    *,
    user: User,
    on: datetime.date,
    order: Order | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> None:
    for position in list(positions_of(user)):
        appointment_end(
            user=user, position=position, on=on, order=order, actor=actor, request=request
        )
