"""What happens around a login (SPEC §3; regulation §12.2–§12.3): every success, failure
and logout is audited once (locks: `throttle`), and a successful login indexes its session."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count, OuterRef, Subquery
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from eios.audit import AuditEvent, AuditKind, audit_record
from eios.hotsql import Update

from .sessions import (
    session_forget,
    session_register,
    sessions_after_password_change,
    sign_ins_changed,
)
from .throttle import login_failures_forget

_LAST_LOGIN = Update(User, ("last_login",))


def login_succeeded(*, request: HttpRequest | None, user: User) -> None:
    """In the login's transaction (`AccountAdapter.login`); the audit event last, because
    its lock on the log's head is held until the commit and every other login waits.
    Without a request (a login made in code) only the time is kept, as Django does."""
    user.last_login = timezone.now()
    with connection.cursor() as cursor:
        _LAST_LOGIN.execute(cursor, user.pk, {"last_login": user.last_login})
    if request is None:
        return
    session_register(request=request, user=user)
    audit_record(AuditKind.LOGIN, actor=user, subject=user, request=request)


def login_failed(*, request: HttpRequest, login: str, account: User | None) -> None:
    """`account` is what the typed login names (`selectors.account_for_login`), or None."""
    audit_record(
        AuditKind.LOGIN_FAILED,
        subject=account,
        subject_name=login[:300],
        request=request,
    )
    if account is not None:
        sign_ins_changed(account)


def logout_done(*, request: HttpRequest, user: User | AnonymousUser | None) -> None:
    signed_in = user is not None and user.is_authenticated
    session_forget(user=user if signed_in else None, session_key=request.session.session_key)
    if signed_in:
        audit_record(AuditKind.LOGOUT, actor=user, subject=user, request=request)


def password_changed(*, request: HttpRequest, user: User, reset: bool = False) -> None:
    sessions_after_password_change(request=request, user=user)
    if user.must_change_password:
        User.objects.filter(pk=user.pk).update(must_change_password=False)
        user.must_change_password = False
    if reset:
        login_failures_forget(user=user)
    audit_record(
        AuditKind.PASSWORD_RESET if reset else AuditKind.PASSWORD_CHANGE,
        actor=user if request.user.is_authenticated else None,
        subject=user,
        request=request,
    )


def login_history(user: User) -> dict:
    """The last successful login before this one and the failed attempts since (§12.2:
    a person notices someone else trying their account), in one query: each of the two
    latest logins carries the count of failures after it, and the first one ever the
    count of all failures."""
    failures = AuditEvent.objects.filter(subject=user, kind=AuditKind.LOGIN_FAILED)
    counted = failures.values("subject").annotate(n=Count("pk")).values("n")
    logins = list(
        AuditEvent.objects.filter(subject=user, kind=AuditKind.LOGIN)
        .annotate(
            failures_after=Subquery(counted.filter(at__gt=OuterRef("at"))),
            failures_ever=Subquery(counted),
        )
        .order_by("-at")[:2]
    )
    if len(logins) > 1:
        previous = logins[1]
        return {"previous_login": previous, "failures_since": previous.failures_after or 0}
    return {
        "previous_login": None,
        "failures_since": logins[0].failures_ever or 0 if logins else failures.count(),
    }
