from django import template

from cms.selectors import closed_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def sections_closed_to_public(context) -> list:
    """`{% sections_closed_to_public as sections %}`: the sections of the site that are not
    open to everyone and that the signed-in visitor may see (the staff's section)."""
    return closed_sections(context["request"])
