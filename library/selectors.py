"""Reads of the library for its pages."""

from django.db.models import Q

from eios.access import Action, holds_everywhere
from eios.access.decide import sees_everything

from .models import Collection, Edition, ExternalCredential, ProgrammeEdition


def hidden_collections(user) -> tuple[int, ...]:
    """The closed collections `user` may not see (one query, two for most people)."""
    if user.is_superuser or holds_everywhere(user, Action.VIEW, Edition) or sees_everything(user):
        return ()
    admitted = Q(reader_groups__in=user.groups.all())
    return tuple(
        Collection.objects.filter(closed=True)
        .exclude(pk__in=Collection.objects.filter(admitted).values("pk"))
        .values_list("pk", flat=True)
    )


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
