"""Blocking accounts (regulation §6.7 on dismissal and expulsion; §12.2 when credentials
are compromised). A blocked person cannot log in and every session of theirs ends at
once; nothing of theirs is deleted.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Block, BlockKind, ClassMembership, User
from eios.audit import AuditKind, audit_record

from .sessions import sessions_end


def may_block(actor, user) -> bool:
    """Who may block an account at once (§12.2): its owner, the class teacher of the
    pupil's current class, and whoever holds the permission. Never an anonymous visitor."""
    if not actor.is_authenticated or not actor.is_active:
        return False
    if actor.pk == user.pk or actor.has_perm("accounts.block_user"):
        return True
    return ClassMembership.objects.filter(
        user=user, ended_on__isnull=True, school_class__class_teacher=actor
    ).exists()


@transaction.atomic
def account_block(*, user, kind: BlockKind, reason: str, actor=None, order=None, request=None):
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
    User.objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
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
    )
    return block


@transaction.atomic
def account_unblock(*, user, reason: str, actor=None, order=None, request=None):
    """Let `user` log in again: re-enrolment, re-hiring, or the administrator's decision."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for unblocking."), code="no_reason")
    if actor is not None and order is None and not actor.has_perm("accounts.block_user"):
        raise PermissionDenied
    block = Block.objects.select_for_update().filter(user=user, lifted_at__isnull=True).first()
    if block is not None:
        block.lifted_at = timezone.now()
        block.lifted_by = actor
        block.lift_reason = reason
        block.lift_order = order
        block.save()
    elif user.is_active:
        return None
    User.objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
    audit_record(
        AuditKind.UNBLOCK,
        actor=actor,
        subject=user,
        request=request,
        target=str(order) if order else "",
        reason=reason,
    )
    return block
