"""The decision: what a user may do with one element, and which elements of a list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from guardian.models import GroupObjectPermission, UserObjectPermission

from .levels import EVERYTHING, IMPLIED, Action, Closure, with_implied
from .registry import (
    ELEMENTS,
    element_for,
    element_of_model,
    seeing_everything_checks,
    ties_of,
)

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Model

    from .elements import Element


def _group_ids(user) -> set[int]:
    # Kept on the user object, which lives for one request: a change is seen on the next.
    if not hasattr(user, "_access_group_ids"):
        user._access_group_ids = set(user.groups.values_list("pk", flat=True))
    return user._access_group_ids


def sees_everything(user: AbstractBaseUser) -> bool:
    """The director and deputies see all (regulation §5.4): as the registered checks of
    posts tell."""
    if not hasattr(user, "_access_sees_everything"):
        user._access_sees_everything = any(check(user) for check in seeing_everything_checks())
    return user._access_sees_everything


def codename(action: Action, content_type: ContentType) -> str:
    return f"{action}_{content_type.model}"


def _action_of(code: str) -> Action:
    return Action(code.split("_", 1)[0])


def granted(user: AbstractBaseUser, element: Element, obj: Model) -> set[Action]:
    """Grants to the user and to their positions on `obj` or what covers it."""
    content_type = element.content_type()
    scope = element.grant_scope(obj)
    direct = UserObjectPermission.objects.filter(
        user=user, content_type=content_type, object_pk__in=scope
    ).values_list("permission__codename", flat=True)
    via_groups = GroupObjectPermission.objects.filter(
        group__in=_group_ids(user), content_type=content_type, object_pk__in=scope
    ).values_list("permission__codename", flat=True)
    return {_action_of(code) for code in direct.union(via_groups)}


def _model_level(user, element) -> set[Action]:
    """Model-wide permissions of the user's positions, for what is granted here."""
    app_label, model = element.label.split(".")
    return {
        action for action in element.grantable if user.has_perm(f"{app_label}.{action}_{model}")
    }


def _structural(user, element, obj, wanted: Action | None) -> set[Action]:
    """What Wagtail's permissions and the user's posts give them on `obj`; once that
    covers `wanted`, the ties left are not asked (each may cost a query)."""
    held = set(element.held_in_wagtail(user, obj))
    for tie in ties_of(element):
        if wanted is not None and wanted in _implied(element, held):
            break
        if tie.holds(user, obj):
            held.add(tie.action)
    return held


def _implied(element, held) -> set[Action]:
    actions = with_implied(held)
    if element.edited_in_wagtail and Action.CHANGE not in held:
        actions.discard(Action.CHANGE)  # administering is not editing there
    return actions


def actions_of(user: AbstractBaseUser | AnonymousUser | None, obj: Model) -> set[Action]:
    return _actions(user, obj, wanted=None)


def _actions(user, obj, wanted: Action | None) -> set[Action]:
    """Everything the user may do with `obj`; or, with `wanted`, enough of it to tell
    whether they may do that: what their posts give is enough when it covers it, and
    their permissions, positions and grants are then not read (four or five queries)."""
    element = element_for(obj)
    if user is not None and user.is_authenticated:
        if not user.is_active:
            return set()  # blocked users hold nothing (regulation §6.7)
        if user.is_superuser:
            return set(EVERYTHING)
    restriction = element.restriction_of(obj)
    if user is None or not user.is_authenticated:
        return {Action.VIEW} if restriction.closure is Closure.PUBLIC else set()
    held = _structural(user, element, obj, wanted)
    if wanted is not None and wanted in _implied(element, held):
        return _implied(element, held)
    held |= _model_level(user, element)
    if restriction.closure is not Closure.RESTRICTED or restriction.admits(_group_ids(user)):
        held.add(Action.VIEW)
    if sees_everything(user):
        held.add(Action.VIEW)
    held |= granted(user, element, obj)
    return _implied(element, held)


def is_public(obj: Model) -> bool:
    """Open to anyone, signed in or not."""
    return element_for(obj).restriction_of(obj).closure is Closure.PUBLIC


def can(user: AbstractBaseUser | AnonymousUser | None, action: Action | str, obj: Model) -> bool:
    action = Action(action)
    signed_in = user is not None and user.is_authenticated and user.is_active
    # Open to every signed-in user: no need to work out everything else they hold.
    if (
        action is Action.VIEW
        and signed_in
        and element_for(obj).restriction_of(obj).closure is not Closure.RESTRICTED
    ):
        return True
    return action in _actions(user, obj, wanted=action)


def holds_everywhere(user: AbstractBaseUser, action: Action, model: type[Model]) -> bool:
    """Whether the user may `action` every element of `model`'s kind: the system
    administrator, or a model-wide permission of their positions."""
    if user is None or not (user.is_authenticated and user.is_active):
        return False
    element = element_of_model(model)
    return user.is_superuser or Action(action) in _implied(element, _model_level(user, element))


def visible(
    user: AbstractBaseUser | AnonymousUser | None,
    queryset: QuerySet,
    action: Action | str = Action.VIEW,
) -> QuerySet:
    """The elements of `queryset` the user may `action`: three queries for any number of
    grants (no query per element).

    For kinds whose closure is one level for all elements (classes, platforms). Pages
    and documents are listed through Wagtail's own public/private filters and
    permissions; of them only «administer» is answered here, for the elements granted
    or held by post themselves (a grant on a page covers the pages under it too, which
    the caller works out from the pages' paths).
    """
    action = Action(action)
    element = element_of_model(queryset.model)
    if element.edited_in_wagtail and action is not Action.ADMINISTER:
        raise TypeError(f"{element.label}: list through Wagtail's public/private filters")

    def closure():
        return element.restriction(queryset.model()).closure

    if user is None or not user.is_authenticated:
        public = action is Action.VIEW and closure() is Closure.PUBLIC
        return queryset if public else queryset.none()
    if not user.is_active:
        return queryset.none()
    if holds_everywhere(user, action, queryset.model):
        return queryset
    if action is Action.VIEW and (closure() is not Closure.RESTRICTED or sees_everything(user)):
        return queryset
    granting = _granting(element, action)
    condition = Q(
        access_key__in=UserObjectPermission.objects.filter(user=user, **granting).values(
            "object_pk"
        )
    ) | Q(
        access_key__in=GroupObjectPermission.objects.filter(
            group__in=_group_ids(user), **granting
        ).values("object_pk")
    )
    for tie in ties_of(element):
        if action in IMPLIED[tie.action]:
            condition |= tie.q(user)
    return queryset.annotate(access_key=Cast("pk", CharField())).filter(condition)


def _granting(element: Element, action: Action) -> dict:
    """guardian's rows that give `action` on the element's kind (or imply it)."""
    content_type = element.content_type()
    return {
        "content_type": content_type,
        "permission__codename__in": [
            codename(held, content_type) for held in Action if action in IMPLIED[held]
        ],
    }


def granted_keys(
    user: AbstractBaseUser, action: Action | str, model: type[Model]
) -> tuple[QuerySet, QuerySet]:
    """The grants on single elements of `model` that give the user `action`: to them and
    to their positions, as two unevaluated querysets of guardian's rows (`object_pk` is the
    element's key as text), for a caller that lists the elements of a kind whose closure
    differs element by element, in its own query."""
    granting = _granting(element_of_model(model), Action(action))
    return (
        UserObjectPermission.objects.filter(user=user, **granting),
        GroupObjectPermission.objects.filter(group__user=user, **granting),
    )


def administers_anything(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the user administers some element: they then pick people to grant to.

    By a grant, by a model-wide permission of their positions, or by their post alone
    (the head of a subject department administers its materials, regulation §5.4).
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or any(
        Action.ADMINISTER in _model_level(user, element) for element in ELEMENTS.values()
    ):
        return True
    administer = {"permission__codename__startswith": f"{Action.ADMINISTER}_"}
    return (
        UserObjectPermission.objects.filter(user=user, **administer).exists()
        or GroupObjectPermission.objects.filter(group__in=_group_ids(user), **administer).exists()
        or any(
            element.model._default_manager.filter(tie.q(user)).exists()
            for element in ELEMENTS.values()
            for tie in ties_of(element)
            if tie.action is Action.ADMINISTER
        )
    )
