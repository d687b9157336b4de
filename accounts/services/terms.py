"""Terms of use of the environment (regulation §6.4: a user accepts the rules before
using it; §13.4: the rules change by a new version everyone accepts again)."""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import TermsAcceptance, TermsVersion
from eios.audit import AuditKind, audit_record, client_address

CACHE_KEY = "accounts:terms-current"
SESSION_KEY = "_eios_terms"


def terms_current() -> TermsVersion | None:
    """The version in force; cached, since every signed-in request asks.

    Saving or deleting a version clears the cache (accounts/signals.py), so a new version
    is asked for on the next request; one dated ahead takes force within the minute.
    """
    version = cache.get(CACHE_KEY)
    if version is None:
        version = (
            TermsVersion.objects.filter(published_at__lte=timezone.now())
            .order_by("-published_at")
            .first()
            or False
        )
        cache.set(CACHE_KEY, version, 60)
    return version or None


def terms_cache_clear() -> None:
    cache.delete(CACHE_KEY)


def terms_fixed(version: TermsVersion) -> bool:
    """An accepted version stays as people read it (§13.4): a change is a new version."""
    return version.acceptances.exists()


def terms_pending(request: HttpRequest) -> TermsVersion | None:
    """The version `request.user` has still to accept, or None. One query per session."""
    current = terms_current()
    if current is None or request.session.get(SESSION_KEY) == current.pk:
        return None
    if TermsAcceptance.objects.filter(user=request.user, version=current).exists():
        request.session[SESSION_KEY] = current.pk
        return None
    return current


def terms_accept(*, request: HttpRequest, version: TermsVersion) -> None:
    """Record that `request.user` accepted `version`: time and address (§6.4)."""
    try:
        with transaction.atomic():
            TermsAcceptance.objects.create(
                user=request.user, version=version, address=client_address(request)
            )
            audit_record(
                AuditKind.TERMS_ACCEPTED,
                actor=request.user,
                subject=request.user,
                request=request,
                target=str(version),
                version=version.version,
            )
    except IntegrityError:
        pass  # accepted in another tab a moment ago: once is recorded
    request.session[SESSION_KEY] = version.pk
