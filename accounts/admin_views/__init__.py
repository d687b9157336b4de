"""The Wagtail admin screens of people, orders, classes, positions and terms of use.

Registered in `accounts/wagtail_hooks.py` under one menu item, «People and orders».
"""

from .orders import OrderViewSet
from .people import PeopleViewSet
from .reference import (
    PositionViewSet,
    SchoolClassViewSet,
    SubjectDepartmentViewSet,
    TermsVersionViewSet,
)

__all__ = [
    "OrderViewSet",
    "PeopleViewSet",
    "PositionViewSet",
    "SchoolClassViewSet",
    "SubjectDepartmentViewSet",
    "TermsVersionViewSet",
]
