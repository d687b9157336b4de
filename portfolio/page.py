"""What the pupil's portfolio page shows, kept per pupil until the portfolio changes
(`eios/kept.py`, topic `TOPIC`): the pupil and whoever else may see the page share one copy.

The chart, the achievements and the works are kept as markup, rendered without the
request: none of it depends on who looks, nor holds a CSRF token. The share links are kept
as data: their forms carry the viewer's CSRF token and whether a link is still in force is
told when the page is shown.
"""

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from eios.kept import Kept, kept_values

from .models import Portfolio
from .selectors import achievements_of, share_links_of, summary_of, works_of
from .services.notify import TOPIC


def _parts(portfolio: Portfolio) -> dict:
    """Six queries, however many achievements and works."""
    return {
        "chart": render_to_string(
            "portfolio/includes/chart.html", {"summary": summary_of(portfolio)}
        ),
        "achievements": render_to_string(
            "portfolio/includes/achievements_table.html",
            {"achievements": achievements_of(portfolio), "caption": _("All achievements")},
        ),
        "works": render_to_string(
            "portfolio/includes/works_list.html", {"works": works_of(portfolio)}
        ),
        "share_links": share_links_of(portfolio),
    }


def page_parts(portfolio: Portfolio) -> dict:
    # Markup is in the language of the page it was rendered for.
    (parts,) = kept_values(
        portfolio.pupil,
        [Kept(f"portfolio.page:{get_language()}", (TOPIC,), lambda: _parts(portfolio))],
    )
    return parts
