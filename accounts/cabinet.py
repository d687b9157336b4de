"""The accounts' panels of the personal cabinet (SPEC §3): who I am, my logins and open
sessions, the classes I lead or may open. Registered in wagtail_hooks.py.

Who a person is (positions, class, the classes they lead and their pupils' account
states) is kept per user under the topic «people» until an order, an appointment, a
class or an account changes; the logins and sessions under «sign-ins» until the person
logs in or out, a session ends or shows activity, or someone fails to log in as them.
"""

from typing import NamedTuple

from django.db.models.signals import post_delete, post_save
from django.utils.text import Truncator
from django.utils.timezone import localtime

from eios.cabinet import Panel, changed

from .models import Appointment, ClassMembership, Position, SchoolClass, User
from .selectors import (
    classes_led_by,
    classes_open_to,
    current_class_of,
    positions_of,
    sessions_of,
)
from .services.sessions import SIGN_INS
from .services.signin import login_history

PEOPLE = "people"


def _identity(request) -> dict:
    user = request.user
    return {"positions": list(positions_of(user)), "school_class": current_class_of(user)}


# Sessions listed, the most recently active first; «log out everywhere else» ends them all.
SESSIONS_SHOWN = 10


class SessionRow(NamedTuple):
    """A session as the panel lists it: plain strings, since the panel is read far more
    often than it changes, and a template formatting ten rows of model fields cost more
    than the rest of the cabinet."""

    session_key: str
    started_at: str
    last_seen_at: str
    address: str
    browser: str


def _shown_at(moment) -> str:
    return localtime(moment).strftime("%d.%m.%Y %H:%M")


def _session_row(session) -> SessionRow:
    return SessionRow(
        session_key=session.session_key,
        started_at=_shown_at(session.started_at),
        last_seen_at=_shown_at(session.last_seen_at),
        address=session.address or "—",
        browser=Truncator(session.user_agent).chars(60),
    )


def _logins(request) -> dict:
    user = request.user
    sessions = list(sessions_of(user)[: SESSIONS_SHOWN + 1])
    return {
        "sessions": [_session_row(session) for session in sessions[:SESSIONS_SHOWN]],
        "more_sessions": len(sessions) > SESSIONS_SHOWN,
        **login_history(user),
    }


def _classes(request) -> dict | None:
    user = request.user
    led, opened = classes_led_by(user), classes_open_to(user)
    if not led and not opened:
        return None
    return {"led_classes": led, "open_classes": opened}


IDENTITY = Panel(
    name="accounts.identity",
    order=0,
    template="accounts/cabinet/identity.html",
    context=_identity,
    queries=2,
    topics=(PEOPLE,),
)


def _last_login(request) -> str:
    # Every login writes it (accounts/services/signin.py), and every request reads the
    # person afresh: a login makes the panel new without a cache write of its own.
    last_login = request.user.last_login
    return last_login.isoformat() if last_login else ""


LOGINS = Panel(
    name="accounts.logins",
    order=10,
    template="accounts/cabinet/logins.html",
    context=_logins,
    queries=2,
    topics=(SIGN_INS,),
    stamp=_last_login,
)
# Led classes with their pupils (two), classes opened by grants (permissions, groups,
# positions seeing everything, the list).
CLASSES = Panel(
    name="accounts.classes",
    order=40,
    template="accounts/cabinet/classes.html",
    context=_classes,
    queries=7,
    topics=(PEOPLE, "access"),
)


def _people_changed(sender, **kwargs) -> None:
    # A login writes only `last_login`: nothing any panel shows.
    if sender is User and kwargs.get("update_fields") == frozenset({"last_login"}):
        return
    changed(PEOPLE)


def cabinet_invalidation_connect() -> None:
    for model in (User, Appointment, ClassMembership, Position, SchoolClass):
        uid = f"cabinet-people-{model._meta.label_lower}"
        post_save.connect(_people_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_people_changed, sender=model, dispatch_uid=f"{uid}-delete")
