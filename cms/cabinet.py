"""The official site's panels of the personal cabinet (SPEC §3): the platforms of the
catalogue my positions log in to (regulation §4.5) and the sections of the site closed
to the public that are open to me (how staff reach their section). Registered in
wagtail_hooks.py; kept per user until the catalogue, the pages, access or the person's
positions change.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Site

from accounts.cabinet import PEOPLE
from eios.cabinet import Panel, changed

from .models import Platform
from .selectors import closed_sections, platforms_for_person

PLATFORMS = "platforms"


def _platforms(request) -> dict:
    site = Site.find_for_request(request)
    return {"platforms": list(platforms_for_person(site, request.user)) if site else []}


def _sections(request) -> dict | None:
    sections = closed_sections(request)
    return {"sections": sections} if sections else None


PLATFORMS_PANEL = Panel(
    name="cms.platforms",
    order=20,
    template="cms/cabinet/platforms.html",
    context=_platforms,
    queries=2,
    topics=(PEOPLE, PLATFORMS),
)
# The sections (one query) and whether each is open to the person (their grants,
# groups and positions).
SECTIONS_PANEL = Panel(
    name="cms.sections",
    order=30,
    template="cms/cabinet/sections.html",
    context=_sections,
    queries=5,
    topics=(PEOPLE, "access", "content"),
)


def _platforms_changed(**_kwargs) -> None:
    changed(PLATFORMS)


def cabinet_invalidation_connect() -> None:
    post_save.connect(_platforms_changed, sender=Platform, dispatch_uid="cabinet-platform-save")
    post_delete.connect(_platforms_changed, sender=Platform, dispatch_uid="cabinet-platform-del")
    m2m_changed.connect(
        _platforms_changed, sender=Platform.positions.through, dispatch_uid="cabinet-platform-m2m"
    )
