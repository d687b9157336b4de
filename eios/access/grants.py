"""Granting and revoking privileges on an element (regulation §5.5–§5.6), and the
overviews «who can see this?» and «what can this person do?».

An element's administrator grants view and change to people or positions; making
someone an administrator takes the model-wide administer permission (the system
administrator). Every grant and revoke is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from guardian.models import GroupObjectPermission, UserObjectPermission

from eios.audit import AuditKind, audit_record

from .decide import _model_level, actions_of, codename
from .levels import Action
from .registry import ELEMENTS, element_for, ties_of

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.db.models import Model
    from django.http import HttpRequest


class GrantRefused(Exception):
    pass


def _check_actor(actor, action: Action, obj) -> None:
    element = element_for(obj)
    if action not in element.grantable:
        raise GrantRefused(
            _(
                "Editing rights on pages and documents come from positions: "
                "Settings → Groups, page and collection permissions."
            )
        )
    held = actions_of(actor, obj)
    if Action.ADMINISTER not in held:
        raise GrantRefused(_("You do not administer this element."))
    if action is Action.ADMINISTER and not (
        actor.is_superuser or Action.ADMINISTER in _model_level(actor, element)
    ):
        raise GrantRefused(_("Only the system administrator appoints element administrators."))


def _row(action: Action, obj, *, user=None, group=None):
    if (user is None) == (group is None):
        raise ValueError("grant to exactly one person or one position")
    content_type = element_for(obj).content_type()
    permission = Permission.objects.get(
        content_type=content_type, codename=codename(action, content_type)
    )
    model, holder = (
        (UserObjectPermission, {"user": user})
        if user
        else (
            GroupObjectPermission,
            {"group": group},
        )
    )
    key = {
        "permission": permission,
        "content_type": content_type,
        "object_pk": str(obj.pk),
        **holder,
    }
    return model, key


def _change(kind, change, *, actor, action, obj, user, group, request) -> bool:
    """Check the actor, `change(model, key)` guardian's row, audit if anything changed."""
    action = Action(action)
    _check_actor(actor, action, obj)
    model, key = _row(action, obj, user=user, group=group)
    with transaction.atomic():
        changed = change(model, key)
        if changed:
            audit_record(
                kind,
                actor=actor,
                subject=user,
                subject_name="" if user else _("position «%(name)s»") % {"name": group.name},
                target=str(obj),
                request=request,
                action=str(action),
                element=element_for(obj).label,
                element_id=obj.pk,
            )
    return changed


def grant(
    *,
    actor: AbstractBaseUser | None,
    action: Action | str,
    obj: Model,
    user: AbstractBaseUser | None = None,
    group: Group | None = None,
    request: HttpRequest | None = None,
) -> bool:
    """Give `user` or the position `group` the privilege; False if they held it already."""
    if user is not None and not user.is_active:
        raise GrantRefused(_("A blocked account cannot be given privileges."))
    return _change(
        AuditKind.PRIVILEGE_GRANTED,
        lambda model, key: model.objects.get_or_create(**key)[1],
        actor=actor,
        action=action,
        obj=obj,
        user=user,
        group=group,
        request=request,
    )


def revoke(
    *,
    actor: AbstractBaseUser | None,
    action: Action | str,
    obj: Model,
    user: AbstractBaseUser | None = None,
    group: Group | None = None,
    request: HttpRequest | None = None,
) -> bool:
    """Take the privilege back; it is gone on the holder's very next request."""
    return _change(
        AuditKind.PRIVILEGE_REVOKED,
        lambda model, key: model.objects.filter(**key).delete()[0] > 0,
        actor=actor,
        action=action,
        obj=obj,
        user=user,
        group=group,
        request=request,
    )


@dataclass(frozen=True)
class Holding:
    action: Action
    element_kind: str
    obj: object
    user: object = None
    group: Group | None = None


def _holdings(rows, holder_field: str) -> list[Holding]:
    """Rows of guardian's tables as holdings, their elements loaded per kind (one query
    per kind of element, whatever the number of grants)."""
    rows = list(rows.select_related("permission", "content_type", holder_field))
    by_kind: dict[int, set[str]] = {}
    for row in rows:
        by_kind.setdefault(row.content_type_id, set()).add(row.object_pk)
    objects = {}
    for content_type_id, keys in by_kind.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        objects[content_type_id] = model.objects.in_bulk([int(key) for key in keys])
    holdings = []
    for row in rows:
        obj = objects[row.content_type_id].get(int(row.object_pk))
        if obj is None:
            continue  # the element is gone; its grant means nothing
        label = f"{row.content_type.app_label}.{row.content_type.model}"
        holdings.append(
            Holding(
                action=Action(row.permission.codename.split("_", 1)[0]),
                element_kind=str(ELEMENTS[label].kind_name),
                obj=obj,
                user=getattr(row, "user", None),
                group=getattr(row, "group", None),
            )
        )
    return holdings


def holdings_of(user: AbstractBaseUser) -> dict[str, list[Holding]]:
    """«What can this person do?»: grants to them and to their positions."""
    labels = [label.split(".") for label in ELEMENTS]
    kinds = ContentType.objects.filter(
        app_label__in=[app for app, _m in labels], model__in=[model for _a, model in labels]
    )
    return {
        "personal": _holdings(
            UserObjectPermission.objects.filter(user=user, content_type__in=kinds), "user"
        ),
        "positions": _holdings(
            GroupObjectPermission.objects.filter(
                group__in=user.groups.all(), content_type__in=kinds
            ),
            "group",
        ),
    }


def holders_of(obj: Model) -> list[Holding]:
    """«Who can see this?»: people and positions granted on the element or on what
    covers it (the pages above a page); each holding names the element granted on."""
    element = element_for(obj)
    key = {"content_type": element.content_type(), "object_pk__in": element.grant_scope(obj)}
    return _holdings(UserObjectPermission.objects.filter(**key), "user") + _holdings(
        GroupObjectPermission.objects.filter(**key), "group"
    )


@dataclass(frozen=True)
class PostHolding:
    """A holding by post: the person (or the element), what, and the post."""

    action: Action
    post: str
    person: object = None
    obj: object = None
    element_kind: str = ""


def holders_by_post(obj: Model) -> list[PostHolding]:
    """«Who can see this?»: who holds what on the element by their post (the class
    teacher, the heads of subject departments over a page)."""
    return [
        PostHolding(tie.action, str(post), person=person)
        for tie in ties_of(element_for(obj))
        for person, post in tie.holders(obj)
    ]


def held_by_post(user: AbstractBaseUser) -> list[PostHolding]:
    """«What can this person do?»: what they hold by their post, element by element."""
    return [
        PostHolding(tie.action, str(post), obj=obj, element_kind=str(element.kind_name))
        for element in ELEMENTS.values()
        for tie in ties_of(element)
        for obj, post in tie.held(user)
    ]
