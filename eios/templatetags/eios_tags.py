import re
from urllib.parse import quote

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
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
        # The page itself is the current page; a section above it is the current location.
        "items": [
            (
                item,
                "page"
                if item.url_path == current_path
                else "true"
                if current_path.startswith(item.url_path)
                else "",
            )
            for item in items
        ],
        "request": request,
    }


@register.tag
def fragment(parser, token):
    """`{% fragment "name" part… %}…{% endfragment %}`: markup every visitor sees alike
    (the school's name and emblem, the menu, the footer), rendered once per content
    generation for each language and each combination of the parts (eios/fragments.py).

    The parts must name everything the markup depends on and take few values: nothing a
    visitor types, nothing about who is asking, no CSRF token inside.
    """
    name, *parts = token.split_contents()[1:]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        parser.compile_filter(name), [parser.compile_filter(p) for p in parts], nodelist
    )


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        values = [
            self.name.resolve(context),
            get_language(),
            *(p.resolve(context) for p in self.parts),
        ]
        return remember(
            context["request"],
            "html:" + ":".join(str(value) for value in values),
            lambda: mark_safe(self.nodelist.render(context)),  # noqa: S308 — the template's own output
        )


@register.simple_tag
def map_url(chosen: str, address: str) -> str:
    """The map link of the footer: the one the school chose, or a map search for its address."""
    return chosen or f"https://yandex.ru/maps/?text={quote(address)}"


@register.filter
def phone_numbers(text: str) -> list[dict]:
    """«(86100) 2-29-29; (86100) 2-29-30» as numbers a phone dials from a link: a parent on
    a phone calls the school with one tap. Russian numbers of ten digits get +7."""
    numbers = []
    for part in (text or "").split(";"):
        part = part.strip()
        digits = re.sub(r"\D", "", part)
        if len(digits) == 11 and digits[0] in "78":
            digits = digits[1:]
        dial = f"+7{digits}" if len(digits) == 10 else digits
        if part:
            numbers.append({"text": part, "dial": dial})
    return numbers


@register.filter
def email_addresses(text: str) -> list[str]:
    return [address.strip() for address in (text or "").split(";") if address.strip()]


@register.tag
def tableframe(parser, token):
    """`{% tableframe %}<table>…</table>{% endtableframe %}`: a table that may be wider than
    a phone scrolls inside its own frame instead of the page (WCAG 1.4.10), the frame named
    after the table's caption and reachable by keyboard, with a hint shown by site.js when
    it really scrolls."""
    nodelist = parser.parse(("endtableframe",))
    parser.delete_first_token()
    return TableFrameNode(nodelist)


_CAPTION = re.compile(r"<caption[^>]*>(.*?)</caption>", re.DOTALL)


class TableFrameNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        table = self.nodelist.render(context)
        caption = _CAPTION.search(table)
        label = " ".join(strip_tags(caption.group(1)).split()) if caption else gettext("Table")
        return format_html(
            '<div class="table-frame" data-table-frame role="region" tabindex="0" '
            'aria-label="{}">{}</div><p class="table-hint" data-table-hint hidden>{}</p>',
            label,
            mark_safe(table),  # noqa: S308 — the template's own output
            gettext("The table scrolls sideways: swipe it or use the arrow keys."),
        )


@register.simple_tag
def attribution(school_name: str, url: str) -> str:
    """`{% attribution name url %}`: the attribution line of regulation §12.1."""
    from eios.attribution import attribution_line

    return attribution_line(school_name=school_name, url=url)
