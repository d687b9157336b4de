"""Files a page shows are closed as their collections are, not as the page is. When the
two differ, the editor is told on saving: the files of a restricted page left in a
public collection can be fetched by anyone who has their address, and the files of a
public page kept in a closed collection are missing for its visitors.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from eios.access import is_public

from .models import SchoolDocument, SchoolImage


@dataclass
class Mismatches:
    public_on_closed_page: list = field(default_factory=list)
    closed_on_public_page: list = field(default_factory=list)


def attachments_of(page: Page) -> list[SchoolImage | SchoolDocument]:
    """The images and documents the page's content refers to, as it is being saved."""
    kinds = {
        ContentType.objects.get_for_model(model).pk: model
        for model in (SchoolImage, SchoolDocument)
    }
    wanted: dict[type, set[int]] = {}
    # Wagtail's own scan of fields, StreamField blocks and rich text (the reference index).
    for content_type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(page):
        if content_type_id in kinds:
            wanted.setdefault(kinds[content_type_id], set()).add(int(object_id))
    return [
        attachment
        for model, ids in wanted.items()
        for attachment in model.objects.filter(pk__in=ids).select_related("collection")
    ]


def closure_mismatches(page: Page) -> Mismatches:
    found = Mismatches()
    attachments = attachments_of(page)
    if not attachments:
        return found
    page_public = is_public(page)
    for attachment in attachments:
        if is_public(attachment) and not page_public:
            found.public_on_closed_page.append(attachment)
        elif page_public and not is_public(attachment):
            found.closed_on_public_page.append(attachment)
    return found
