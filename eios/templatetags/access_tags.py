from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from eios.access import Action, can
from eios.access_admin.rows import element_access_url

register = template.Library()


@register.simple_tag(takes_context=True)
def access_link(context, obj):
    """A link to the element's «Access» screen, for its administrators only (to anyone
    else that screen is a 404)."""
    if not can(context["request"].user, Action.ADMINISTER, obj):
        return ""
    return format_html(
        '<dt>{}</dt><dd><a href="{}">{}</a></dd>',
        gettext("Access"),
        element_access_url(obj),
        gettext("Who can see it; grant and revoke"),
    )
