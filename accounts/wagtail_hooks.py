"""«People and orders» in the Wagtail admin: people, orders, classes, subject
departments, positions and the terms of use under one menu item (see
`accounts/admin_views/`)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin_views import (
    OrderViewSet,
    PeopleViewSet,
    PositionViewSet,
    SchoolClassViewSet,
    SubjectDepartmentViewSet,
    TermsVersionViewSet,
)
from .admin_views.chooser import person_chooser_viewset
from .admin_views.users import RefusedDeleteBulkAction, RefusedSetActiveStateBulkAction


class PeopleAndOrdersGroup(ViewSetGroup):
    menu_label = _("People and orders")
    menu_icon = "group"
    menu_order = 150
    items = (
        PeopleViewSet,
        OrderViewSet,
        SchoolClassViewSet,
        SubjectDepartmentViewSet,
        PositionViewSet,
        TermsVersionViewSet,
    )


@hooks.register("register_admin_viewset")
def register_people_and_orders():
    return PeopleAndOrdersGroup()


@hooks.register("register_admin_viewset")
def register_person_chooser():
    return person_chooser_viewset


# After wagtail.users' own actions of the same types, which these replace.
for refused in (RefusedDeleteBulkAction, RefusedSetActiveStateBulkAction):
    hooks.register("register_bulk_action", refused, order=100)


@hooks.register("register_demo_data")
def demo_people():
    # Read only by `load_demo`, so not imported with the admin.
    from .demo import PARTS

    return PARTS
