"""The kinds of element, the posts tied to them and who sees everything, as the apps
register them when they are ready (their `access.py`). Adding a kind of element touches
only its app:

    register_element(ClubElement())                 # a kind, by its model's label
    register_tie("wagtailcore.page", HeadTie())     # a post holding something on a kind
    register_sees_everything(lambda user: ...)      # posts that view every element

The engine (decide.py, grants.py) reads only what is registered here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from .elements import Element, Tie
from .levels import Action

if TYPE_CHECKING:
    from django.db.models import Model

ELEMENTS: dict[str, Element] = {}
_TIES: dict[str, list[Tie]] = {}
_SEEING_EVERYTHING: list[Callable[[object], bool]] = []
# The kind of each model met so far (a page of any type is found as a `Page`).
_KIND_OF_MODEL: dict[type, Element] = {}


def register_element(element: Element) -> None:
    """`element` decides for the model named by its label; one app owns a kind."""
    registered = ELEMENTS.get(element.label)
    if registered is not None and type(registered) is not type(element):
        raise ImproperlyConfigured(f"{element.label} is already registered by {registered!r}")
    ELEMENTS[element.label] = element
    _KIND_OF_MODEL.clear()


def register_tie(label: str, tie: Tie) -> None:
    """`tie` gives a post its holding on the elements of the kind `label` (which may be
    registered before or after it)."""
    if tie not in _TIES.setdefault(label, []):
        _TIES[label].append(tie)


def register_sees_everything(check: Callable[[object], bool]) -> None:
    """`check(user)`: whether a post of the user lets them view every element (the
    director and deputies, regulation §5.4). One query at most: asked once per request."""
    if check not in _SEEING_EVERYTHING:
        _SEEING_EVERYTHING.append(check)


def ties_of(element: Element) -> list[Tie]:
    return _TIES.get(element.label, [])


def seeing_everything_checks() -> list[Callable[[object], bool]]:
    return _SEEING_EVERYTHING


def element_of_model(model: type[Model]) -> Element:
    """The kind of `model`'s elements: its own, or that of the nearest model it derives
    from (a page of any type is a `Page`)."""
    if model not in _KIND_OF_MODEL:
        found = next(
            (
                ELEMENTS[base._meta.label_lower]
                for base in model.__mro__
                if hasattr(base, "_meta") and base._meta.label_lower in ELEMENTS
            ),
            None,
        )
        if found is None:
            raise KeyError(f"{model._meta.label_lower} is not a registered kind of element")
        _KIND_OF_MODEL[model] = found
    return _KIND_OF_MODEL[model]


def element_for(obj: Model) -> Element:
    return element_of_model(type(obj))


def element_access_url(obj: Model) -> str:
    """The address of the element's «Access» screen (`eios_access_element`, registered
    by the app that shows the access screens)."""
    return reverse("eios_access_element", args=[element_for(obj).label, obj.pk])


def administer_permissions_ensure(**_kwargs: Any) -> None:
    """The «administer» permission of every kind of element exists (also after a flush,
    which keeps only what post_migrate recreates; migration eios 0003 made the first)."""
    # After a flush the cached content types name rows that are gone (as Django's own
    # create_permissions, start from the database).
    ContentType.objects.clear_cache()
    for element in ELEMENTS.values():
        content_type = element.content_type()
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{Action.ADMINISTER}_{content_type.model}",
            defaults={"name": f"Can administer {content_type.model}"},
        )
