"""What a kind of element brings to the decision, as the app that owns it declares it
(`<app>/access.py`, registered when the app is ready; eios/access/registry.py): its
closure level, the rights it reads from Wagtail's own permissions, and the elements whose
grants reach it (a grant on a page covers its subtree). Who holds what by their post is
declared apart, as ties (`Tie`), by the app that knows the post.

Nothing here names an app's model: the engine works on whatever kinds are registered.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.functional import Promise

from .levels import Action, Closure

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.db.models import Model
    from wagtail.models import BaseViewRestriction, Collection


@dataclass(frozen=True)
class Restriction:
    closure: Closure
    # For a restricted element: the groups (positions) it admits by itself; a user must
    # be in one of each set. Empty: only grants admit.
    group_sets: tuple[frozenset[int], ...] = ()

    def admits(self, group_ids: set[int]) -> bool:
        return (
            self.closure is Closure.RESTRICTED
            and bool(self.group_sets)
            and all(group_ids & groups for groups in self.group_sets)
        )


PUBLIC = Restriction(Closure.PUBLIC)


def from_view_restrictions(restrictions: Iterable[BaseViewRestriction]) -> Restriction:
    """Wagtail's «Privacy» settings (pages, collections) read as closure levels.

    A password restriction admits nobody by itself: a shared password is not a
    personal access level, so such content opens only through grants.
    """
    restrictions = list(restrictions)
    if not restrictions:
        return PUBLIC
    kinds = {restriction.restriction_type for restriction in restrictions}
    if kinds == {"login"}:
        return Restriction(Closure.AUTHORISED)
    if "password" in kinds:
        return Restriction(Closure.RESTRICTED)
    return Restriction(
        Closure.RESTRICTED,
        tuple(
            frozenset(restriction.groups.values_list("pk", flat=True))
            for restriction in restrictions
            if restriction.restriction_type == "groups"
        ),
    )


def collection_restriction(collection: Collection) -> Restriction:
    """The closure of what a collection holds, from its own and its ancestors' «Privacy»."""
    return from_view_restrictions(collection.get_view_restrictions().prefetch_related("groups"))


class Element:
    """A kind of element: subclass it in the app that owns the model, set `label` (the
    model's `app_label.model`) and `kind_name`, and register an instance."""

    label: str
    kind_name: Promise
    # Pages and documents are edited in Wagtail's admin under Wagtail's own permissions
    # (page and collection permissions of positions): «change» is read from them, never
    # granted here, and administering such an element means handing out viewing only.
    edited_in_wagtail = False

    @property
    def grantable(self) -> tuple[Action, ...]:
        if self.edited_in_wagtail:
            return (Action.VIEW, Action.ADMINISTER)
        return tuple(Action)

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.label)

    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model, for_concrete_model=False)

    def restriction_of(self, obj: Model) -> Restriction:
        """`restriction(obj)`, read once per object (one request asks several times)."""
        if not hasattr(obj, "_access_restriction"):
            obj._access_restriction = self.restriction(obj)
        return obj._access_restriction

    def restriction(self, obj: Model) -> Restriction:
        return PUBLIC

    def held_in_wagtail(self, user: AbstractBaseUser, obj: Model) -> set[Action]:
        """What Wagtail's own permissions give the user on `obj` (editing a page, a
        document): not a grant, not a post, and not listed on the access screens."""
        return set()

    def grant_scope(self, obj: Model) -> QuerySet | list:
        """Primary keys (as text, as guardian keeps them) whose grants reach `obj`."""
        return [str(obj.pk)]


class Tie(ABC):
    """A post that holds `action` on elements of one kind without a grant (the class
    teacher changes their class, regulation §9.5; the head of a subject department
    administers its materials, §5.4). The app that knows the post registers it for the
    kind's label; what `action` implies comes with it."""

    action: Action

    @abstractmethod
    def holds(self, user: AbstractBaseUser, obj: Model) -> bool:
        """Whether `user` holds the post for `obj`."""

    @abstractmethod
    def q(self, user: AbstractBaseUser) -> Q:
        """The elements `user` holds the post for, as a filter on the kind's model."""

    @abstractmethod
    def holders(self, obj: Model) -> Iterable[tuple[AbstractBaseUser, str]]:
        """Who holds the post for `obj` (active people only), and the post's name
        («who can see this?»)."""

    @abstractmethod
    def held(self, user: AbstractBaseUser) -> Iterable[tuple[Model, str]]:
        """The elements `user` holds the post for, with the post's name («what can this
        person do?»)."""
