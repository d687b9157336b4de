"""The portfolio joins the cabinet, the demo school and the Wagtail admin by registration."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from eios.cabinet import Panel

from .cabinet import TOPICS, panel_context
from .models import ColumnMapping

# The queries of `panel_context` for a pupil who confirms nothing (asserted in
# tests/portfolio/test_pages.py).
PANEL_QUERIES = 12


@hooks.register("register_cabinet_panel")
def portfolio_panel():
    return Panel(
        name="portfolio",
        order=30,
        template="portfolio/cabinet/panel.html",
        context=panel_context,
        queries=PANEL_QUERIES,
        topics=TOPICS,
    )


class ColumnMappingViewSet(ModelViewSet):
    model = ColumnMapping
    icon = "table"
    menu_label = _("Portfolio import columns")
    add_to_settings_menu = True
    form_fields = [
        "student",
        "class_name",
        "sphere",
        "kind",
        "event",
        "organiser",
        "level",
        "result",
        "date",
    ]
    list_display = ["__str__", "updated_at"]


@hooks.register("register_admin_viewset")
def register_portfolio_admin():
    return ColumnMappingViewSet("portfolio_columns")


@hooks.register("register_demo_data")
def demo_portfolios():
    from .demo import PARTS

    return PARTS
