"""Reads of the library for its pages."""

from django.db.models import IntegerField, Q, Value
from django.db.models.functions import Cast

from eios.access import Action, granted_keys, holds_everywhere
from eios.access.decide import sees_everything

from .models import Collection, Edition, ExternalCredential, ProgrammeEdition


def closed_to(user) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The closed collections `user` may not see, and the editions granted to them (or to
    their positions) one by one, which they see wherever they are: one query (a union)."""
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
