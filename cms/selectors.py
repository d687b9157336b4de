"""Reads of the official site that views and templates share."""

from wagtail.models import Site

from eios.fragments import remember

from .models import Platform
from .models.platforms import AccessKind


def platforms_for_site(site: Site):
    """The platform catalogue of the site's school, in the editors' order."""
    return Platform.objects.filter(school__site=site).order_by("sort_order", "name")


def platforms_for_person(site: Site, user):
    """Platforms that need a login and serve any of the person's current positions (the
    cabinet's list, regulation §4.5: each platform is for the positions the catalogue
    names)."""
    return (
        Platform.objects.filter(
            school__site=site,
            access_kind=AccessKind.AUTHORISED,
            positions__appointments__user=user,
            positions__appointments__ended_on__isnull=True,
        )
        .distinct()
        .order_by("sort_order", "name")
    )


# The links a parent looks for first on a school's home page (issue 14): the federal
# section, the meals, the timetable, the platforms and the cabinet; in this order.
QUICK_LINKS = ("sveden", "catering", "timetable", "platforms", "cabinet")


def home_links(request, home) -> dict[str, str]:
    """Addresses the home page links to, by kind: the quick links (QUICK_LINKS) that lead
    somewhere on this site, and «news», the list of news. One query per content generation."""
    from django.contrib.contenttypes.models import ContentType
    from django.urls import reverse
    from wagtail.models import Page

    from cms.sveden.models import SvedenCateringPage, SvedenIndexPage

    from .models import NewsIndexPage, PlatformCatalogPage, SiteLook

    look = SiteLook.for_request(request)

    def build():
        models = {
            SvedenIndexPage: "sveden",
            SvedenCateringPage: "catering",
            PlatformCatalogPage: "platforms",
            NewsIndexPage: "news",
        }
        kinds = {ContentType.objects.get_for_model(m).pk: kind for m, kind in models.items()}
        found = {}
        # Sections of «Сведения», the catalogue and the news are public by nature; the
        # timetable is the page the school chose for everyone.
        pages = (
            Page.objects.live()
            .descendant_of(home)
            .filter(depth__lte=home.depth + 2)
            .filter(content_type_id__in=kinds)
            .order_by("depth", "path")
        )
        if look.timetable_page_id:
            pages = pages | Page.objects.live().filter(pk=look.timetable_page_id)
        for page in pages:
            kind = "timetable" if page.pk == look.timetable_page_id else kinds[page.content_type_id]
            found.setdefault(kind, page.get_url(request))
        return found

    found = dict(remember(request, f"home-links:{home.pk}:{look.timetable_page_id}", build))
    found["cabinet"] = reverse("cabinet")
    return found


def visible_subpages(request, page) -> list:
    """The published pages under `page` that the visitor may see, in the editors' order:
    a section lists what it holds (issue 14: the staff section lists its subpages)."""
    from eios.access import Action, can

    if not page.numchild:  # the tree knows: no query for a page without subpages
        return []
    children = page.get_children().live().order_by("path")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return list(children.public())
    return [child for child in children if can(user, Action.VIEW, child)]


def closed_sections(request) -> list:
    """Top-level sections of the request's site that are closed to the public and open to
    the signed-in visitor: how staff reach their section from the cabinet."""
    from wagtail.models import Page

    from eios.access import Action, can

    site = Site.find_for_request(request)
    user = request.user
    if site is None or not user.is_authenticated:
        return []
    # A section closed by its own «Privacy» (one query; what is under it follows it).
    sections = (
        Page.objects.live()
        .child_of(site.root_page)
        .filter(view_restrictions__isnull=False)
        .distinct()
        .order_by("path")
    )
    return [section for section in sections if can(user, Action.VIEW, section)]
