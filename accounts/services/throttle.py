"""Password guessing is stopped per account (SPEC §3; regulation §12.2–§12.3), never a
whole school behind one address.

The failures belong to the account whatever identifies it: its username in any case or
an address its owner confirmed. A name that is no account gets counters of its own, so
guessing on invented names is slowed the same way and the answer never tells which names
exist. Typed names are kept only as a hash: people type passwords into the login field.

allauth's rate limits do the same job with a list of timestamps per limit, read and
written under a cache lock: about 20 cache round trips per login, and logins from one
address queue for the lock. Here counters are atomic: a login that goes well costs one
round trip (`get_many`), before the password is hashed.

The lock is audited when it starts (LOGIN_LOCKED) and, with the number of attempts it
refused, at the first attempt after it ends (LOGIN_LOCK_ENDED): refused attempts are
counted, not written one by one (the log must not become a tool for flooding it), and
the count waits in the cache for that next attempt for `REFUSED_KEPT` seconds.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from accounts.models import User
from eios.audit import AuditKind, audit_record, client_address

FAILURES = "login:failures:{}"
LOCK = "login:lock:{}"
REFUSED = "login:refused:{}"
ADDRESS = "login:address:{}:{}"
REFUSED_KEPT = 30 * 24 * 3600
LOCKED = "too_many_login_attempts"
FLOODED = "rate_limited"


def _key(login: str, account) -> str:
    if account is not None:
        return f"account:{account.pk}"
    name = (login or "").strip().lower()
    return "name:" + hashlib.sha256(name.encode()).hexdigest()


def _address_key(request) -> str:
    return ADDRESS.format(client_address(request), int(time.time() // 60))


def _lock_seconds() -> int:
    return settings.LOGIN_LOCK_MINUTES * 60


def _increment(key: str, timeout: int | None) -> int:
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, timeout):
            return 1
        return cache.incr(key)


def login_attempt_admit(*, request: HttpRequest, login: str, account: User | None) -> None:
    """Before the password is checked: refuse while the account is locked (counting the
    attempt) or while its address floods; close the audit of a lock that has ended."""
    key = _key(login, account)
    address_key = _address_key(request)
    state = cache.get_many([LOCK.format(key), REFUSED.format(key), address_key])
    if LOCK.format(key) in state:
        _increment(REFUSED.format(key), REFUSED_KEPT)
        _increment(address_key, 60)
        raise ValidationError(
            _(
                "Too many failed login attempts for this account: logging in is paused "
                "for %(minutes)d minutes. If it was not you, tell your class teacher or "
                "the system administrator."
            )
            % {"minutes": settings.LOGIN_LOCK_MINUTES},
            code=LOCKED,
        )
    refused = state.get(REFUSED.format(key))
    if refused and cache.delete(REFUSED.format(key)):
        audit_record(
            AuditKind.LOGIN_LOCK_ENDED,
            subject=account,
            subject_name=login[:300],
            request=request,
            refused=refused,
        )
    if state.get(address_key, 0) >= settings.LOGIN_FAILURES_PER_ADDRESS_PER_MINUTE:
        raise ValidationError(
            _("Too many failed logins from your network. Wait a minute and try again."),
            code=FLOODED,
        )


def login_attempt_failed(*, request: HttpRequest, login: str, account: User | None) -> None:
    """After a wrong password (or any password for a blocked account): count it for the
    account and the address; the failure that reaches the limit locks the account."""
    key = _key(login, account)
    _increment(_address_key(request), 60)
    failures = FAILURES.format(key)
    count = _increment(failures, _lock_seconds())
    # Failures are forgotten after a lock period without one, however they were spread.
    cache.touch(failures, _lock_seconds())
    if count < settings.LOGIN_FAILURES_PER_ACCOUNT:
        return
    if cache.add(LOCK.format(key), True, _lock_seconds()):
        cache.delete(failures)
        audit_record(
            AuditKind.LOGIN_LOCKED,
            subject=account,
            subject_name=login[:300],
            request=request,
            failures=settings.LOGIN_FAILURES_PER_ACCOUNT,
            minutes=settings.LOGIN_LOCK_MINUTES,
        )


def login_failures_forget(*, user: User) -> None:
    """A password reset through a confirmed address proves the owner: their lock ends."""
    key = _key("", user)
    cache.delete_many([FAILURES.format(key), LOCK.format(key)])
