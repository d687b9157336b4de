"""«People and orders» in the Wagtail admin: people, orders, classes, subject
departments, positions and the terms of use under one menu item (see
`accounts/admin_views/`); the access screens of elements and people
(`accounts/access_admin/`)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from . import cabinet
from .access_admin import ElementAccessView, ElementRevokeView, PersonAccessView
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


@hooks.register("register_admin_urls")
def register_access_urls():
    element = "access/<element_label:label>/<int:pk>/"
    return [
        path("access/person/<int:pk>/", PersonAccessView.as_view(), name="eios_access_person"),
        path(element, ElementAccessView.as_view(), name="eios_access_element"),
        path(f"{element}revoke/", ElementRevokeView.as_view(), name="eios_access_revoke"),
    ]


@hooks.register("register_demo_data")
def demo_people():
    # Read only by `load_demo`, so not imported with the admin.
    from .demo import PARTS

    return PARTS


@hooks.register("register_cabinet_panel")
def identity_panel():
    return cabinet.IDENTITY


@hooks.register("register_cabinet_panel")
def logins_panel():
    return cabinet.LOGINS


@hooks.register("register_cabinet_panel")
def classes_panel():
    return cabinet.CLASSES
