"""Reads of the official site that views and templates share."""

from wagtail.models import Site

from .models import Platform, School


def school_for_site(site: Site) -> School:
    return School.for_site(site)


def platforms_for_site(site: Site):
    """The platform catalogue of the site's school, in the editors' order."""
    return Platform.objects.filter(school__site=site).order_by("sort_order", "name")
