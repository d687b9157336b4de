"""Writes of the official site: creating a school's site with its mandatory structure."""

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from cms.sveden.services import sveden_tree_create
from eios.models import School

from .document_text import document_text
from .models import HomePage, SchoolDocument


@transaction.atomic
def school_site_create(
    *,
    full_name: str,
    short_name: str = "",
    hostname: str = "localhost",
    port: int = 80,
    is_default: bool = True,
    **requisites: Any,
) -> Site:
    """Create a school: its home page, Wagtail site, school record and /sveden/ section.

    One school = one site (SPEC §8), so a municipality adds schools by calling this again.
    """
    _placeholder_site_remove()
    root = Page.get_first_root_node()
    home = HomePage(title=short_name or full_name, slug=slugify(f"home-{hostname}-{port}"))
    root.add_child(instance=home)
    if is_default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        is_default_site=is_default,
        site_name=short_name or full_name,
    )
    School.objects.create(site=site, full_name=full_name, short_name=short_name, **requisites)
    sveden_tree_create(home=home)
    return site


def _placeholder_site_remove() -> None:
    """Drop the «Welcome to Wagtail» page and site a fresh installation starts with."""
    for site in Site.objects.select_related("root_page__content_type"):
        if site.root_page.content_type.model_class() is Page:
            page = site.root_page
            site.delete()
            page.delete()


def document_text_read(*, document: SchoolDocument) -> str:
    """Read the text inside a document's file again and index it (SPEC §1: search finds
    text inside documents). For files uploaded before texts were read; new uploads get
    theirs from Wagtail's own upload path (SchoolDocument._set_document_file_metadata)."""
    try:
        with document.open_file() as file:
            document.text = document_text(file, document.file.name)
    except FileNotFoundError:
        document.text = ""
    document.save(update_fields=["text"])
    return document.text
