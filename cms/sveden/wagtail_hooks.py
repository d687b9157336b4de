"""«Сведения об образовательной организации» in the admin: the self-audit report for
editors, and the guards that keep the pages at their fixed addresses.

[1493] §6 and [MR9] table 3.1 fix /sveden/ and its 14 subsections; the monitoring robot
fetches exactly those addresses. The models refuse another slug or title; these hooks
refuse the admin actions that would take a page away from its address: delete, move and
copy, one by one or in bulk (unpublishing is refused by the pages' permission tester).
"""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .models import is_fixed_page
from .views import SvedenAuditView


@hooks.register("register_admin_urls")
def register_audit_url():
    return [path("sveden-audit/", SvedenAuditView.as_view(), name="sveden_audit")]


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return MenuItem(
        gettext_lazy("Check of «Сведения»"),
        reverse("sveden_audit"),
        icon_name="list-ul",
        order=50,
    )


def _refuse(request, text: str, page):
    messages.error(request, text % {"title": page.title})
    return redirect("wagtailadmin_explore", page.get_parent().id)


@hooks.register("before_delete_page")
def refuse_deleting_fixed_pages(request, page):
    if is_fixed_page(page):
        return _refuse(
            request,
            _(
                "«%(title)s» is a mandatory page of «Сведения об образовательной организации» "
                "([1493] §6) and cannot be deleted."
            ),
            page,
        )
    return None


@hooks.register("before_move_page")
def refuse_moving_fixed_pages(request, page, destination):
    if is_fixed_page(page):
        return _refuse(
            request,
            _(
                "«%(title)s» has an address fixed by the federal rules ([1493] §6) "
                "and cannot be moved."
            ),
            page,
        )
    return None


@hooks.register("before_copy_page")
def refuse_copying_fixed_pages(request, page):
    # A copy would be a second subsection under another address, which the robot ignores.
    if is_fixed_page(page):
        return _refuse(
            request,
            _("«%(title)s» exists once per school at a fixed address and cannot be copied."),
            page,
        )
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_fixed_pages(request, action_type, objects, action_class_instance):
    # Bulk unpublish never gets here with these pages: their permission tester refuses it.
    if action_type not in {"delete", "move"}:
        return None
    # The hook runs for bulk actions on every model (users, images …), not only pages.
    fixed = [obj.title for obj in objects if isinstance(obj, Page) and is_fixed_page(obj)]
    if not fixed:
        return None
    messages.error(
        request,
        _(
            "Mandatory pages of «Сведения об образовательной организации» keep their fixed "
            "address ([1493] §6), so nothing was done. Remove them from the selection: "
            "%(titles)s."
        )
        % {"titles": ", ".join(fixed)},
    )
    return redirect(action_class_instance.next_url)
