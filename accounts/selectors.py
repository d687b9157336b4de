"""Reads of accounts that views share; each runs a fixed number of queries."""

from typing import NamedTuple

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import connection
from django.db.models import Prefetch

from eios.hotsql import Row

from . import mfa
from .models import ClassMembership, Position, SchoolClass, User, UserSession
from .names import name_order

# The query of every login, in plain SQL: through the ORM its compiler took 1–2 ms of a
# login on the 2-core box. Case-insensitive as Django's `iexact` is on each database
# (PostgreSQL: UPPER, which the index on UPPER(username) serves; SQLite: ASCII letters).
# It also tells whether the account has a second factor, which allauth asks next
# (`accounts.mfa`): one statement instead of two. Names are the models' own; the typed
# login is always a parameter.
_TYPES = ", ".join(f"'{kind}'" for kind in sorted(mfa.LOGIN_TYPES))
_ACCOUNT = Row(User, "u")
_ACCOUNT_BY_NAME = f"""
SELECT {_ACCOUNT.columns}, EXISTS (
    SELECT 1 FROM {Authenticator._meta.db_table} a WHERE a.user_id = u.id AND a.type IN ({_TYPES})
) AS {mfa.ANSWER}
FROM {User._meta.db_table} u
WHERE UPPER(u.username) = UPPER(%s)
"""  # noqa: S608
# An address names its account only once its owner confirmed it.
_ACCOUNT_BY_NAME_OR_ADDRESS = f"""{_ACCOUNT_BY_NAME} OR u.id IN (
    SELECT e.user_id FROM {EmailAddress._meta.db_table} e WHERE e.email = %s AND e.verified
)"""  # noqa: S608


def account_for_login(login: str) -> User | None:
    """The account a typed login names, in one query: a username in any case, or an
    address its owner confirmed (an unconfirmed address names nobody). None when it
    names no account, or more than one."""
    login = (login or "").strip()
    if not login:
        return None
    if "@" in login:
        sql, params = _ACCOUNT_BY_NAME_OR_ADDRESS, [login, login.lower()]
    else:
        sql, params = _ACCOUNT_BY_NAME, [login]
    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT 2", params)
        rows = cursor.fetchall()
    if len(rows) != 1:
        return None
    account = _ACCOUNT.instance(rows[0])
    setattr(account, mfa.ANSWER, bool(rows[0][-1]))
    return account


def address_taken(email: str, *, besides) -> bool:
    """Whether an account other than `besides` (a user id) uses `email`: the
    administrator set it as its address, or its owner confirmed it."""
    email = email.strip().lower()
    others = User.objects.exclude(pk=besides)
    return (
        others.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email=email, verified=True).exclude(user_id=besides).exists()
    )


def accounts_with_address(email: str) -> list[User]:
    """Active accounts whose owner confirmed `email`: where password reset links may go."""
    return [
        address.user
        for address in EmailAddress.objects.filter(
            email=email.strip().lower(), verified=True, user__is_active=True
        ).select_related("user")
    ]


def positions_of(user):
    return Position.objects.filter(appointments__user=user, appointments__ended_on__isnull=True)


class PupilRow(NamedTuple):
    """A pupil as a class teacher's list shows them, and no more: the cabinet keeps the
    list in its cache, where a password hash has no business. The names are the User's,
    so one pupils' table serves both."""

    pk: int
    username: str
    get_full_name: str
    is_active: bool
    has_usable_password: bool
    must_change_password: bool


def _pupil_row(pupil: User) -> PupilRow:
    return PupilRow(
        pk=pupil.pk,
        username=pupil.username,
        get_full_name=pupil.get_full_name(),
        is_active=pupil.is_active,
        has_usable_password=pupil.has_usable_password(),
        must_change_password=pupil.must_change_password,
    )


def classes_led_by(user) -> list[SchoolClass]:
    """The classes `user` leads, each with `.pupils`, rows of its current pupils (two
    queries)."""
    current = ClassMembership.objects.filter(ended_on__isnull=True).select_related("user")
    classes = list(
        SchoolClass.objects.filter(class_teacher=user)
        .order_by("-year", "name")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=current.order_by(*name_order("user__")),
                to_attr="current_memberships",
            )
        )
    )
    for school_class in classes:
        school_class.pupils = [
            _pupil_row(member.user) for member in school_class.current_memberships
        ]
        # Only the rows are kept, not the memberships with their users.
        del school_class.current_memberships
    return classes


def classes_open_to(user) -> list[SchoolClass]:
    """Classes the user may open besides those they lead (a deputy, the IT teacher, a
    granted colleague); a fixed number of queries however many grants they hold."""
    from eios.access import visible

    return list(
        visible(user, SchoolClass.objects.exclude(class_teacher=user)).order_by("-year", "name")
    )


def pupils_of(school_class):
    return [
        m.user
        for m in ClassMembership.objects.filter(school_class=school_class, ended_on__isnull=True)
        .select_related("user")
        .order_by(*name_order("user__"))
    ]


def sessions_of(user):
    return UserSession.objects.filter(user=user).order_by("-last_seen_at")


def current_class_of(user):
    membership = (
        ClassMembership.objects.filter(user=user, ended_on__isnull=True)
        .select_related("school_class")
        .first()
    )
    return membership.school_class if membership else None
