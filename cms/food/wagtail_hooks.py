from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .admin_views import FoodView, admin_site, food_delete, may_manage_food
from .selectors import menu_missing


@hooks.register("register_admin_urls")
def register_food_urls():
    return [
        path("food/", FoodView.as_view(), name="food_admin"),
        path("food/<int:pk>/delete/", food_delete, name="food_admin_delete"),
    ]


class FoodMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_food(request.user)


@hooks.register("register_admin_menu_item")
def register_food_menu_item():
    return FoodMenuItem(_("Menus (/food/)"), reverse("food_admin"), icon_name="doc-full", order=260)


@hooks.register("register_permissions")
def register_food_permissions():
    # Offered in Settings → Groups, so a school gives menu uploads to whoever publishes them.
    return Permission.objects.filter(content_type__app_label="food", codename__endswith="menufile")


class MissingMenuPanel(Component):
    """On the admin's home page of those who publish menus: tomorrow's is due (issue 14)."""

    name = "food_missing_menu"
    order = 50
    template_name = "food/admin/missing.html"

    def __init__(self, missing):
        self.missing = missing

    def get_context_data(self, parent_context=None):
        return {"missing": self.missing, "show_link": True}


@hooks.register("construct_homepage_panels")
def add_missing_menu_panel(request, panels):
    if may_manage_food(request.user):
        missing = menu_missing(admin_site(request))
        if missing is not None:
            panels.insert(0, MissingMenuPanel(missing))
