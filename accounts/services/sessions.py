"""Signed-in sessions: registered at login, ended all at once on block or on request.

Works with every session back-end we configure (database, cache, Redis): sessions are
deleted through the back-end's own `SessionStore`, found through the `UserSession` index.
"""

from datetime import UTC, datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User, UserSession
from eios.audit import AuditKind, audit_record, client_address
from eios.cabinet import changed
from eios.hotsql import Insert

# The cabinet topic of a person's logins and open sessions: every change to them, and
# every failed attempt on the account, makes their «Logins» panel stale. A login itself
# changes the person's last login, which the panel is kept under (accounts/cabinet.py).
SIGN_INS = "sign-ins"

# Activity is written at most this often: a page view must not cost a database write.
TOUCH_EVERY = timedelta(minutes=5)
SEEN_KEY = "_eios_seen_at"
AUTH_KEY = "_eios_auth_at"


def _store(session_key: str | None = None):
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)


def session_register(*, request: HttpRequest, user: User) -> None:
    """Index the session Django's `login()` just created (it rotated the key)."""
    now = timezone.now()
    request.session[AUTH_KEY] = request.session[SEEN_KEY] = now.timestamp()
    if request.session.session_key is None:
        request.session.save()
    _index(request, user, started_at=now)


def sign_ins_changed(user: User) -> None:
    changed(SIGN_INS, user=user)


_INDEX = Insert(
    UserSession,
    ("session_key", "user", "address", "user_agent", "started_at", "last_seen_at"),
    conflict="session_key",
    update=("user", "address", "user_agent", "started_at", "last_seen_at"),
)


def _index(request, user, *, started_at) -> None:
    # One statement (an upsert) in plain SQL: a login is the hottest write of a
    # school's morning (eios/hotsql.py).
    with connection.cursor() as cursor:
        _INDEX.execute(
            cursor,
            {
                "session_key": request.session.session_key,
                "user_id": user.pk,
                "address": client_address(request),
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
                "started_at": started_at,
                "last_seen_at": timezone.now(),
            },
        )


def sessions_after_password_change(*, request: HttpRequest, user: User) -> None:
    """A new password ends every other session of the account at once (SPEC §3).

    Django refuses those sessions from their next request on (their auth hash no longer
    matches), but their data and their index rows would stay, and «Open sessions» in the
    cabinet would still list them. The session that changed the password goes on under
    the key Django cycled it to: it is indexed under that key, still counting its
    absolute lifetime from the login. A reset by e-mail keeps no session at all.
    """
    own = request is not None and request.user.is_authenticated and request.user.pk == user.pk
    # `sessions_end` makes the «Logins» panel stale, for the session kept here too.
    sessions_end(user=user, keep_session_key=request.session.session_key if own else None)
    if own and request.session.session_key is not None:
        signed_in = request.session.get(AUTH_KEY)
        started_at = (
            datetime.fromtimestamp(signed_in, tz=UTC) if signed_in is not None else timezone.now()
        )
        _index(request, user, started_at=started_at)


def session_forget(*, user: User | None, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()
    if user is not None:
        sign_ins_changed(user)


def session_expired(request: HttpRequest) -> bool:
    """Idle and absolute expiry (SPEC §3): `SESSION_IDLE_SECONDS`, `SESSION_ABSOLUTE_SECONDS`."""
    now = timezone.now().timestamp()
    seen = request.session.get(SEEN_KEY)
    started = request.session.get(AUTH_KEY)
    if seen is None or started is None:
        return False  # signed in by a path that did not register (tests' force_login)
    return (
        now - seen > settings.SESSION_IDLE_SECONDS
        or now - started > settings.SESSION_ABSOLUTE_SECONDS
    )


def session_touch(request: HttpRequest) -> None:
    now = timezone.now()
    seen = request.session.get(SEEN_KEY)
    if seen is not None and now.timestamp() - seen < TOUCH_EVERY.total_seconds():
        return
    request.session[SEEN_KEY] = now.timestamp()
    UserSession.objects.filter(session_key=request.session.session_key).update(last_seen_at=now)
    sign_ins_changed(request.user)


def _stores_delete(keys) -> None:
    for key in keys:
        _store(key).delete()


def sessions_end(
    *,
    user: User,
    keep_session_key: str | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> int:
    """End every session of `user` at once, but `keep_session_key` (regulation §6.7).

    With `actor` given ("log out everywhere" or an administrator's action) the ending is
    audited; blocking audits the block itself.
    """
    sessions = UserSession.objects.filter(user=user)
    if keep_session_key:
        sessions = sessions.exclude(session_key=keep_session_key)
    keys = list(sessions.values_list("session_key", flat=True))
    sessions.delete()
    # The stores (cache, Redis) keep no transactions: a block or an order that is rolled
    # back must leave every session alive, so the sessions end once the change is kept.
    transaction.on_commit(lambda: _stores_delete(keys))
    sign_ins_changed(user)
    if actor is not None:
        audit_record(
            AuditKind.SESSIONS_ENDED, actor=actor, subject=user, request=request, count=len(keys)
        )
    return len(keys)
