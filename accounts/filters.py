"""Filters of the admin listings of people and orders (django-filter, Wagtail's FilterSet).

Filters over history tables (appointments, class memberships) ask `EXISTS` of a current
row, so a person is listed once however many positions or classes they ever had.
"""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from .models import Appointment, ClassMembership, Order, OrderKind, Position, SchoolClass, User

ACTIVE = "active"
BLOCKED = "blocked"
STATUS_CHOICES = [(ACTIVE, _("active")), (BLOCKED, _("blocked"))]

DRAFT = "draft"
APPLIED = "applied"
ORDER_STATE_CHOICES = [(DRAFT, _("draft")), (APPLIED, _("applied"))]


class PersonFilterSet(WagtailFilterSet):
    position = django_filters.ModelChoiceFilter(
        label=_("Position"),
        queryset=Position.objects.all(),
        method="filter_position",
    )
    school_class = django_filters.ModelChoiceFilter(
        label=_("Class"),
        queryset=SchoolClass.objects.order_by("-year", "name"),
        method="filter_school_class",
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=_("any"),
    )

    class Meta:
        model = User
        fields = []

    def filter_position(self, queryset, name, value):
        current = Appointment.objects.filter(
            user=OuterRef("pk"), position=value, ended_on__isnull=True
        )
        return queryset.filter(Exists(current))

    def filter_school_class(self, queryset, name, value):
        current = ClassMembership.objects.filter(
            user=OuterRef("pk"), school_class=value, ended_on__isnull=True
        )
        return queryset.filter(Exists(current))

    def filter_status(self, queryset, name, value):
        if value == ACTIVE:
            return queryset.filter(is_active=True)
        if value == BLOCKED:
            return queryset.filter(is_active=False)
        return queryset


class OrderFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrderKind.choices, empty_label=_("any")
    )
    state = django_filters.ChoiceFilter(
        label=pgettext_lazy("of an order", "State"),
        choices=ORDER_STATE_CHOICES,
        method="filter_state",
        empty_label=_("any"),
    )

    class Meta:
        model = Order
        fields = []

    def filter_state(self, queryset, name, value):
        if value == DRAFT:
            return queryset.filter(applied_at__isnull=True)
        if value == APPLIED:
            return queryset.filter(applied_at__isnull=False)
        return queryset
