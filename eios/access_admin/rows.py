"""Holdings as the access screens list them: who, what, on which element."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import gettext

from accounts.models import Position
from eios.access import Action, holders_of
from eios.access.elements import element_for


def element_access_url(obj) -> str:
    return reverse("eios_access_element", args=[element_for(obj).label, obj.pk])


def position_text(position) -> str:
    return gettext("position «%(name)s»") % {"name": position.name}


def positions_by_group(groups) -> dict[int, Position]:
    """The position of each group, in one query (`group.position` would cost one each)."""
    group_ids = {group.pk for group in groups if group is not None}
    return {
        position.group_id: position for position in Position.objects.filter(group__in=group_ids)
    }


@dataclass(frozen=True)
class Row:
    """One holding as a screen shows it."""

    action: Action
    holder: str = ""
    person: object = None
    group: Group | None = None
    element_kind: str = ""
    element: object = None
    element_url: str = ""

    @property
    def action_label(self) -> str:
        return self.action.label


def holder_rows(obj) -> list[Row]:
    holdings = holders_of(obj)
    positions = positions_by_group(holding.group for holding in holdings)
    rows = []
    for holding in holdings:
        if holding.user is not None:
            holder = holding.user.get_label()
        else:
            position = positions.get(holding.group.pk)
            holder = position_text(position) if position else holding.group.name
        rows.append(Row(holding.action, holder, holding.user, holding.group))
    # People before positions, then by name and by privilege.
    return sorted(rows, key=lambda row: (row.person is None, row.holder, row.action))


def holding_rows(holdings, positions) -> list[Row]:
    rows = []
    for holding in holdings:
        holder = ""
        if holding.group is not None:
            position = positions.get(holding.group.pk)
            holder = position.name if position else holding.group.name
        rows.append(
            Row(
                holding.action,
                holder,
                group=holding.group,
                element_kind=holding.element_kind,
                element=holding.obj,
                element_url=element_access_url(holding.obj),
            )
        )
    return sorted(rows, key=lambda row: (row.element_kind, str(row.element), row.holder))
