"""The kinds of element access is decided for, and what each contributes: its closure
level, which positions its own restriction admits, the structural ties that give a
user rights without a grant, and the elements whose grants reach it (a grant on a
page covers its subtree).

Portfolio and library collections join here when their apps exist.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .levels import Action, Closure


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


def _from_view_restrictions(restrictions) -> Restriction:
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


class Element:
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
    def model(self):
        return apps.get_model(self.label)

    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model, for_concrete_model=False)

    def restriction_of(self, obj) -> Restriction:
        """`restriction(obj)`, read once per object (one request asks several times)."""
        if not hasattr(obj, "_access_restriction"):
            obj._access_restriction = self.restriction(obj)
        return obj._access_restriction

    def restriction(self, obj) -> Restriction:
        return PUBLIC

    def structural(self, user, obj) -> set[Action]:
        return set()

    def structural_holders(self, obj) -> list[tuple[object, Action, str]]:
        """Who holds what by their post, and the post («who can see this?»)."""
        return []

    def structurally_held(self, user) -> list[tuple[object, Action, str]]:
        """The same ties seen from the person: elements, what, and the post («what can
        this person do?»)."""
        return []

    def grant_scope(self, obj) -> QuerySet | list:
        """Primary keys (as text, as guardian keeps them) whose grants reach `obj`."""
        return [str(obj.pk)]

    def structural_q(self, user) -> Q:
        """The same structural ties as a filter, for lists."""
        return Q(pk__in=[])


class PageElement(Element):
    label = "wagtailcore.page"
    kind_name = _("page and its subpages")
    edited_in_wagtail = True

    def content_type(self):
        from wagtail.models import Page

        # Grants are kept on the base page whatever the page type.
        return ContentType.objects.get_for_model(Page)

    def restriction(self, page):
        return _from_view_restrictions(page.get_view_restrictions().prefetch_related("groups"))

    def structural(self, user, page):
        held = set()
        # Editors keep what Wagtail's page permissions give them.
        if page.permissions_for_user(user).can_edit():
            held.add(Action.CHANGE)
        # The head of a subject department administers its materials (regulation §5.4).
        if self._departments_over(page).filter(head=user).exists():
            held.add(Action.ADMINISTER)
        return held

    def structural_holders(self, page):
        departments = self._departments_over(page).filter(head__is_active=True)
        return [
            (department.head, Action.ADMINISTER, self._post(department))
            for department in departments.select_related("head")
        ]

    def structurally_held(self, user):
        return [
            (department.materials, Action.ADMINISTER, self._post(department))
            for department in self.departments_headed_by(user).select_related("materials")
        ]

    @staticmethod
    def departments_headed_by(user) -> QuerySet:
        """The subject departments with materials that `user` heads."""
        from accounts.models import SubjectDepartment

        return SubjectDepartment.objects.filter(head=user, materials__isnull=False)

    @staticmethod
    def _departments_over(page) -> QuerySet:
        """The subject departments whose materials are this page or a page above it."""
        from accounts.models import SubjectDepartment

        step = page.steplen
        covering = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
        return SubjectDepartment.objects.filter(materials__path__in=covering)

    @staticmethod
    def _post(department) -> str:
        return _("head of «%(name)s»") % {"name": department}

    def grant_scope(self, page):
        from wagtail.models import Page

        return (
            Page.objects.ancestor_of(page, inclusive=True)
            .annotate(key=Cast("pk", CharField()))
            .values("key")
        )


def collection_restriction(collection) -> Restriction:
    """The closure of what a collection holds, from its own and its ancestors' «Privacy»."""
    return _from_view_restrictions(collection.get_view_restrictions().prefetch_related("groups"))


class CollectionMemberElement(Element):
    """Documents and images: closed as their collection is, edited under Wagtail's
    collection permissions."""

    edited_in_wagtail = True

    def restriction(self, member):
        return collection_restriction(member.collection)

    def structural(self, user, member):
        from wagtail.permissions import policy_registry

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


class SchoolClassElement(Element):
    label = "accounts.schoolclass"
    kind_name = _("class")

    def restriction(self, school_class):
        return Restriction(Closure.RESTRICTED)

    def structural(self, user, school_class):
        # The class teacher keeps the class list and its accounts (regulation §9.5).
        return {Action.CHANGE} if school_class.class_teacher_id == user.pk else set()

    def structural_q(self, user):
        return Q(class_teacher=user)

    def structural_holders(self, school_class):
        teacher = school_class.class_teacher
        if teacher is None or not teacher.is_active:
            return []
        return [(teacher, Action.CHANGE, _("class teacher"))]

    def structurally_held(self, user):
        return [
            (school_class, Action.CHANGE, _("class teacher"))
            for school_class in self.model.objects.filter(class_teacher=user)
        ]


ELEMENTS = {
    element.label: element
    for element in (
        PageElement(),
        DocumentElement(),
        ImageElement(),
        PlatformElement(),
        SchoolClassElement(),
    )
}


def element_for(obj) -> Element:
    from wagtail.models import Page

    if isinstance(obj, Page):
        return ELEMENTS["wagtailcore.page"]
    return ELEMENTS[obj._meta.label_lower]


def administer_permissions_ensure(**_kwargs) -> None:
    """The «administer» permission of every kind of element exists (also after a flush,
    which keeps only what post_migrate recreates; migration eios 0003 made the first)."""
    from django.contrib.auth.models import Permission

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
