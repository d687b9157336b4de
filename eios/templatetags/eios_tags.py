from django import template
from wagtail.models import Page, Site

from eios.fragments import remember

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level public pages marked «show in menus»: one query per content generation."""
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        items = remember(
            request,
            f"main-menu:{site.pk}",
            lambda: list(Page.objects.live().public().in_menu().child_of(site.root_page)),
        )
    current = context.get("page")
    current_path = current.url_path if current is not None else ""
    return {
        "items": items,
        "current_path": current_path,
        "request": request,
    }
