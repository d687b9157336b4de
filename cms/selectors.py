"""Reads of the official site that views and templates share."""

from wagtail.models import Site

from .models import Platform
from .models.platforms import AccessKind


def platforms_for_site(site: Site):
    """The platform catalogue of the site's school, in the editors' order."""
    return Platform.objects.filter(school__site=site).order_by("sort_order", "name")


def platforms_for_positions(site: Site, position_ids):
    """Platforms that need a login and serve any of these positions (the cabinet's list,
    regulation §4.5: each platform is for the positions the catalogue names)."""
    return (
        Platform.objects.filter(
            school__site=site, access_kind=AccessKind.AUTHORISED, positions__in=position_ids
        )
        .distinct()
        .order_by("sort_order", "name")
    )
