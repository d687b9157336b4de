"""Reads of the library for its pages."""

from functools import partial

from django.db.models import IntegerField, Q, Value
from django.db.models.functions import Cast

from accounts.cabinet import PEOPLE
from eios.access import Action, granted_keys, holds_everywhere
from eios.access.decide import sees_everything
from eios.cabinet import ACCESS
from eios.kept import Kept, kept_values

from .models import Collection, Edition, ExternalCredential, ProgrammeEdition

# Collections closed or opened, their reader groups changed.
COLLECTIONS = "library-collections"


def closed_to(user) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The closed collections `user` may not see, and the editions granted to them (or to
    their positions) one by one, which they see wherever they are.

    Asked on every search and changed seldom: kept per person until a grant, a group, a
    post or a collection changes (four queries otherwise).
    """
    (found,) = kept_values(
        user, [Kept("library.closed", (ACCESS, PEOPLE, COLLECTIONS), partial(_closed_to, user))]
    )
    return found


def _closed_to(user) -> tuple[tuple[int, ...], tuple[int, ...]]:
    # One query (a union) after the checks of who sees everything.
    if user.is_superuser or holds_everywhere(user, Action.VIEW, Edition) or sees_everything(user):
        return (), ()
    admitted = Q(reader_groups__in=user.groups.all())
    hidden = (
        Collection.objects.filter(closed=True)
        .exclude(pk__in=Collection.objects.filter(admitted).values("pk"))
        .order_by()
        .values_list(Value(False), "pk")
    )
    granted = [
        rows.order_by().values_list(Value(True), Cast("object_pk", IntegerField()))
        for rows in granted_keys(user, Action.VIEW, Edition)
    ]
    collections, editions = set(), set()
    for is_edition, pk in hidden.union(*granted, all=True):
        (editions if is_edition else collections).add(pk)
    return tuple(sorted(collections)), tuple(sorted(editions)) if collections else ()


def edition_for_page(pk: int) -> Edition | None:
    return (
        Edition.objects.select_related("collection")
        .prefetch_related("collection__reader_groups")
        .defer("title_stems", "search_stems")
        .filter(pk=pk)
        .first()
    )


def programmes_using(edition: Edition) -> list:
    """The live work programmes that use `edition` (§10.7), as pages."""
    return [
        link.page
        for link in ProgrammeEdition.objects.filter(edition=edition, page__live=True)
        .select_related("page")
        .order_by("page__title")
    ]


def credentials_of(user) -> list[ExternalCredential]:
    """The person's own external-library credentials in force (never anyone else's)."""
    return list(
        ExternalCredential.objects.filter(holder=user, withdrawn_at=None)
        .select_related("library")
        .order_by("library__name", "pk")
    )
