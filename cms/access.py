"""The kinds of element of the official site (regulation §5.2): pages with their
subpages, documents and images (closed as their collection is), and the entries of the
platform catalogue; registered with the access module when the app is ready.

Pages, documents and images are closed by Wagtail's «Privacy» and edited under Wagtail's
own page and collection permissions; the access module adds grants to people and
positions and the ties of posts (accounts/access.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permissions import policy_registry

from eios.access import (
    Action,
    Element,
    Restriction,
    collection_restriction,
    from_view_restrictions,
    holds_everywhere,
    register_element,
    visible,
)

if TYPE_CHECKING:
    from accounts.models import User

    from .models import SchoolDocument, SchoolImage


class PageElement(Element):
    # Grants are kept on the base page whatever the page type.
    label = "wagtailcore.page"
    kind_name = _("page and its subpages")
    edited_in_wagtail = True

    def restriction(self, page: Page) -> Restriction:
        return from_view_restrictions(page.get_view_restrictions().prefetch_related("groups"))

    def held_in_wagtail(self, user: User, page: Page) -> set[Action]:
        # Editors keep what Wagtail's page permissions give them.
        return {Action.CHANGE} if page.permissions_for_user(user).can_edit() else set()

    def grant_scope(self, page: Page) -> QuerySet:
        return (
            Page.objects.ancestor_of(page, inclusive=True)
            .annotate(key=Cast("pk", CharField()))
            .values("key")
        )


class CollectionMemberElement(Element):
    """Documents and images: closed as their collection is, edited under Wagtail's
    collection permissions."""

    edited_in_wagtail = True

    def restriction(self, member: SchoolDocument | SchoolImage) -> Restriction:
        return collection_restriction(member.collection)

    def held_in_wagtail(self, user: User, member: SchoolDocument | SchoolImage) -> set[Action]:
        policy = policy_registry.get_by_type(type(member))
        editable = policy.user_has_permission_for_instance(user, "change", member)
        return {Action.CHANGE} if editable else set()


class DocumentElement(CollectionMemberElement):
    label = "cms.schooldocument"
    kind_name = _("document")


class ImageElement(CollectionMemberElement):
    label = "cms.schoolimage"
    kind_name = _("image")


class PlatformElement(Element):
    """Catalogue entries are public information; only editing them is granted."""

    label = "cms.platform"
    kind_name = _("platform of the catalogue")


def access_elements_register() -> None:
    for element in (PageElement(), DocumentElement(), ImageElement(), PlatformElement()):
        register_element(element)


def administers_page(user: User, page: Page) -> bool:
    """`can(user, "administer", page)` for page listings: the pages the user administers
    (a privilege on a page covers its subpages) are read once per request, not once per
    listed page."""
    if not hasattr(user, "_access_administered_paths"):
        user._access_administered_paths = (
            ("",)  # every page
            if holds_everywhere(user, Action.ADMINISTER, Page)
            else tuple(
                visible(user, Page.objects.all(), Action.ADMINISTER).values_list("path", flat=True)
            )
        )
    return any(page.path.startswith(path) for path in user._access_administered_paths)
