"""What the tests build, built one way: people with permissions, positions and a class,
pages and collections with a restriction, documents in a collection, orders.

Plain functions over the real services (an appointment through `appointment_start`, an
order applied through `order_apply`), so a test sees the database a school would have."""

import datetime
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from accounts.models import (
    ClassMembership,
    Order,
    OrderKind,
    OrderLine,
    Position,
    SchoolClass,
    User,
)
from accounts.services.orders import order_apply
from accounts.services.positions import appointment_start
from cms.models import ContentPage, SchoolDocument
from eios.models import School

PASSWORD = "pass-29"
# Who signed the orders of the tests: an order is applied as signed (regulation §6.5).
SIGNED = {"signatory_name": "Сергеев П. И.", "signatory_position": "директор"}


def permissions(*names: str) -> list[Permission]:
    """Permissions by `codename` or, where a codename is not unique, `app_label.codename`."""
    found = []
    for name in names:
        app_label, _, codename = name.rpartition(".")
        where = {"content_type__app_label": app_label} if app_label else {}
        found.append(Permission.objects.get(codename=codename, **where))
    return found


def group_create(name: str, *codenames: str) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(*permissions(*codenames))
    return group


def position_create(
    code: str, *codenames: str, name: str | None = None, group: str | None = None, **fields
) -> Position:
    """A position whose group (named `group`) holds exactly `codenames`; no group at all
    when neither is given."""
    if codenames and group is None:
        group = f"group of {code}"
    return Position.objects.create(
        code=code,
        name=name or code,
        group=group_create(group, *codenames) if group is not None else None,
        **fields,
    )


def person_create(
    username: str,
    *codenames: str,
    password: str | None = PASSWORD,
    last_name: str | None = None,
    positions: Iterable[Position] = (),
    school_class: SchoolClass | None = None,
    on: datetime.date | None = None,
    confirmed_email: str | None = None,
    **fields,
) -> User:
    """A person holding `codenames` directly, appointed to `positions` and a pupil of
    `school_class` from `on` (today by default); `confirmed_email` is their address,
    confirmed (an unconfirmed one neither logs in nor gets reset links)."""
    user = User.objects.create_user(
        username,
        password=password,
        last_name=username.title() if last_name is None else last_name,
        email=confirmed_email or "",
        **fields,
    )
    if confirmed_email:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.user_permissions.add(*permissions(*codenames))
    on = on or timezone.localdate()
    for position in positions:
        appointment_start(user=user, position=position, on=on)
    if school_class is not None:
        ClassMembership.objects.create(user=user, school_class=school_class, started_on=on)
    return user


def admin_person_create(username: str, *codenames: str, **fields) -> User:
    """A staff member who may open the admin and holds exactly `codenames` besides."""
    return person_create(username, "access_admin", *codenames, **fields)


def staff_member_create(
    username: str, *codenames: str, sees_everything: bool = False, **fields
) -> User:
    """A member of staff holding a position (named after them) whose group has exactly
    `codenames`."""
    position = position_create(
        username, *codenames, group=f"group of {username}", sees_everything=sees_everything
    )
    return person_create(username, positions=[position], **fields)


def page_create(
    parent: Page,
    slug: str,
    *,
    restriction: str | None = None,
    groups: Iterable[Group] = (),
    page_class: type[Page] = ContentPage,
    **fields,
) -> Page:
    """A page under `parent`, closed by `restriction` ("login", "groups" with `groups`)."""
    fields.setdefault("title", slug.title())
    if page_class is ContentPage:
        fields.setdefault("intro", f"Text of {slug}")
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    if restriction:
        PageViewRestriction.objects.create(page=page, restriction_type=restriction).groups.set(
            groups
        )
    return page


def collection_create(
    name: str, *, restriction: str | None = None, groups: Iterable[Group] = ()
) -> Collection:
    """A collection under the root, closed by `restriction` as a page is."""
    collection = Collection.get_first_root_node().add_child(name=name)
    if restriction:
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=restriction
        ).groups.set(groups)
    return collection


def document_create(
    title: str,
    collection: Collection | None = None,
    *,
    content: bytes = b"%PDF-1.4 text",
    name: str = "plan.pdf",
) -> SchoolDocument:
    """A document in `collection` (the root by default)."""
    return SchoolDocument.objects.create(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        file=ContentFile(content, name),
    )


_number = iter(range(1, 10_000))


def order_create(
    school: School, kind: OrderKind, actor: User, *lines: dict, apply: bool = True
) -> Order:
    """A signed order of `kind` with `lines` (fields of each line), applied by `actor`
    unless `apply` is false."""
    order = Order.objects.create(
        school=school,
        number=str(next(_number)),
        date=timezone.localdate(),
        kind=kind,
        **SIGNED,
    )
    for index, fields in enumerate(lines):
        OrderLine.objects.create(order=order, sort_order=index, **fields)
    if apply:
        order_apply(order=order, actor=actor)
    return order
