"""Blocking accounts (regulation §6.7 on dismissal and expulsion; §12.2 when credentials
are compromised). A blocked person cannot log in and every session of theirs ends at
once; nothing of theirs is deleted.

A §12.2 block is for a password someone else knows: the password is discarded at once,
so no unblocking can bring it back; lifting such a block issues new credentials.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.credentials import IssuedCredential, credentials_issue
from accounts.events import account_blocked
from accounts.models import Block, BlockKind, ClassMembership, Order, User
from eios.audit import AuditKind, audit_record

from .authority import may_act_on_account
from .sessions import sessions_end

BLOCK_PERMISSION = "accounts.block_user"
# Blocks for compromised credentials (§12.2): by the person or by their class teacher.
COMPROMISED = frozenset({BlockKind.SELF, BlockKind.CLASS_TEACHER})


def may_block(actor: User | AnonymousUser | None, user: User) -> bool:
    """Who may block an account at once (§12.2): its owner, the class teacher of the
    pupil's current class, and whoever holds the permission — never an anonymous visitor,
    and never an account that holds more than the actor does."""
    if not may_act_on_account(actor, user):
        return False
    if actor.pk == user.pk or actor.has_perm(BLOCK_PERMISSION):
        return True
    return ClassMembership.objects.filter(
        user=user, ended_on__isnull=True, school_class__class_teacher=actor
    ).exists()


def may_unblock(actor: User, user: User) -> bool:
    """Only the system administrator lifts a block by hand (an order lifts its own)."""
    return (
        actor.pk != user.pk and actor.has_perm(BLOCK_PERMISSION) and may_act_on_account(actor, user)
    )


def open_block_of(user: User) -> Block | None:
    return Block.objects.filter(user=user, lifted_at__isnull=True).first()


@transaction.atomic
def account_block(
    *,
    user: User,
    kind: BlockKind,
    reason: str,
    actor: User | None = None,
    order: Order | None = None,
    request: HttpRequest | None = None,
) -> Block:
    """Block `user`: refuse login, end every session, keep all data (§6.7, §12.2)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for blocking."), code="no_reason")
    if actor is not None and order is None and not may_block(actor, user):
        raise PermissionDenied
    open_block = Block.objects.select_for_update().filter(user=user, lifted_at__isnull=True).first()
    if open_block is not None:
        if order is None:
            raise ValidationError(_("The account is already blocked."), code="already_blocked")
        # An order outranks a block by hand: its reason is the one the record keeps.
        open_block.lifted_at = timezone.now()
        open_block.lift_reason = str(order)
        open_block.save(update_fields=["lifted_at", "lift_reason"])
    block = Block.objects.create(user=user, kind=kind, reason=reason, order=order, blocked_by=actor)
    blocked = {"is_active": False}
    if kind in COMPROMISED:
        user.set_unusable_password()
        blocked.update(password=user.password, must_change_password=False)
    User.objects.filter(pk=user.pk).update(**blocked)
    user.active_state_saved(False)
    ended = sessions_end(user=user)
    audit_record(
        AuditKind.BLOCK,
        actor=actor,
        subject=user,
        request=request,
        target=str(order) if order else "",
        block_kind=str(kind),
        reason=reason,
        sessions_ended=ended,
        password_discarded=kind in COMPROMISED,
    )
    transaction.on_commit(
        lambda: account_blocked.send(sender=User, user=user, block=block), robust=True
    )
    return block


@dataclass(frozen=True)
class Unblocking:
    block: Block | None
    # New credentials, when the lifted block was for compromised ones (§12.2).
    credential: IssuedCredential | None = None


@transaction.atomic
def account_unblock(
    *,
    user: User,
    reason: str,
    actor: User | None = None,
    order: Order | None = None,
    request: HttpRequest | None = None,
) -> Unblocking:
    """Let `user` log in again: re-enrolment, re-hiring, or the administrator's decision.

    Lifting a §12.2 block by hand goes with a new one-time password (returned for the
    letter the administrator prints): the compromised one was discarded by the block.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for unblocking."), code="no_reason")
    if actor is not None and order is None and not may_unblock(actor, user):
        raise PermissionDenied
    block = Block.objects.select_for_update().filter(user=user, lifted_at__isnull=True).first()
    if block is not None:
        block.lifted_at = timezone.now()
        block.lifted_by = actor
        block.lift_reason = reason
        block.lift_order = order
        block.save()
    elif user.is_active:
        return Unblocking(block=None)
    User.objects.filter(pk=user.pk).update(is_active=True)
    user.active_state_saved(True)
    audit_record(
        AuditKind.UNBLOCK,
        actor=actor,
        subject=user,
        request=request,
        target=str(order) if order else "",
        reason=reason,
    )
    credential = None
    if block is not None and block.kind in COMPROMISED and order is None and actor is not None:
        (credential,) = credentials_issue(users=[user], actor=actor, request=request)
    return Unblocking(block=block, credential=credential)
