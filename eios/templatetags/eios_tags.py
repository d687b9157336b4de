from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked «show in menus», one query whatever the site size."""
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        items = list(Page.objects.live().public().in_menu().child_of(site.root_page))
    current = context.get("page")
    current_path = current.url_path if current is not None else ""
    return {
        "items": items,
        "current_path": current_path,
        "request": request,
    }
