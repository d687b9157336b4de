"""Share links (issue 12, item 6): read-only, with an expiry, revocable at once; every
opening is kept for the pupil and written to the audit log."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from eios.audit import AuditKind, audit_record, client_address
from eios.kept import changed

from ..models import Portfolio, ShareLink, ShareOpening
from .notify import TOPIC

MAX_DAYS = 90


def _links_changed(portfolio: Portfolio) -> None:
    # The links and their openings are listed on the pupil's page only: the cabinet panels
    # of those who confirm for the pupil do not show them.
    changed(TOPIC, user=portfolio.pupil)


@transaction.atomic
def share_link_create(*, actor: User, portfolio: Portfolio, days: int, request=None) -> ShareLink:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            {"days": _("A link is valid from 1 to %(days)d days.") % {"days": MAX_DAYS}}
        )
    link = ShareLink.objects.create(
        portfolio=portfolio,
        created_by=actor,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit_record(
        AuditKind.SHARE_LINK_CREATED,
        actor=actor,
        subject=portfolio.pupil,
        target=f"portfolio.sharelink:{link.pk}",
        request=request,
        expires_at=link.expires_at.isoformat(),
    )
    _links_changed(portfolio)
    return link


@transaction.atomic
def share_link_revoke(*, actor: User, link: ShareLink, request=None) -> ShareLink:
    link = ShareLink.objects.select_for_update().get(pk=link.pk)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        audit_record(
            AuditKind.SHARE_LINK_REVOKED,
            actor=actor,
            subject=link.portfolio.pupil,
            target=f"portfolio.sharelink:{link.pk}",
            request=request,
        )
        _links_changed(link.portfolio)
    return link


@transaction.atomic
def share_link_open(*, token: str, request) -> ShareLink | None:
    """The link if it is in force, its opening recorded; None for an unknown, expired or
    revoked link (the visitor sees a missing page)."""
    link = (
        ShareLink.objects.select_related("portfolio__pupil")
        .filter(token=token, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if link is None:
        return None
    ShareOpening.objects.create(link=link, address=client_address(request))
    audit_record(
        AuditKind.SHARE_LINK_OPENED,
        actor=request.user,
        subject=link.portfolio.pupil,
        target=f"portfolio.sharelink:{link.pk}",
        request=request,
    )
    _links_changed(link.portfolio)
    return link
