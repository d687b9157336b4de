"""Writes that keep the mandatory /sveden/ section whole."""

from django.db import transaction
from wagtail.models import Page

from .models import SvedenIndexPage, section_models


@transaction.atomic
def sveden_tree_create(*, home: Page) -> SvedenIndexPage:
    """Create the «Сведения» section under a school's home page ([1493] §6).

    The index and all 14 subsections are created live at their fixed addresses, so a
    brand-new school already answers the monitoring robot at every /sveden/<slug>/ — with
    empty attributes the self-audit names, rather than with 404s.
    """
    index = SvedenIndexPage(
        title=SvedenIndexPage.TITLE, slug=SvedenIndexPage.SLUG, show_in_menus=True
    )
    home.add_child(instance=index)
    sveden_sections_ensure(index=index)
    return index


@transaction.atomic
def sveden_sections_ensure(*, index: SvedenIndexPage) -> list[Page]:
    """Add whichever of the 14 subsections the index lacks; return all of them in order."""
    existing = {page.slug: page for page in index.get_children().specific()}
    pages = []
    for model in section_models():
        page = existing.get(model.SLUG)
        if page is None:
            page = model(title=model.TITLE, slug=model.SLUG)
            index.add_child(instance=page)
        pages.append(page)
    return pages
