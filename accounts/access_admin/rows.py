"""Holdings as the access screens list them: who, what, on which element."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.utils.translation import gettext

from eios.access import (
    Action,
    Closure,
    element_access_url,
    element_for,
    held_by_post,
    holders_by_post,
    holders_of,
)

from ..models import Position


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
    """Grants on the element, then those reaching it from above (revoked up there)."""
    holdings = holders_of(obj)
    positions = positions_by_group(holding.group for holding in holdings)
    rows = []
    for holding in holdings:
        if holding.user is not None:
            holder = holding.user.get_label()
        else:
            position = positions.get(holding.group.pk)
            holder = position_text(position) if position else holding.group.name
        above = holding.obj.pk != obj.pk
        rows.append(
            Row(
                holding.action,
                holder,
                holding.user,
                holding.group,
                element=holding.obj if above else None,
                element_url=element_access_url(holding.obj) if above else "",
            )
        )
    # Own grants first; people before positions, then by name and by privilege.
    return sorted(
        rows, key=lambda row: (row.element is not None, row.person is None, row.holder, row.action)
    )


def post_rows(obj) -> list[Row]:
    """Who holds what by their post (class teacher, head of a subject department)."""
    return [
        Row(held.action, f"{held.person.get_label()}, {held.post}", held.person)
        for held in holders_by_post(obj)
    ]


def held_by_post_rows(user) -> list[Row]:
    """What the person holds by their post, element by element."""
    rows = [
        Row(
            held.action,
            held.post,
            element_kind=held.element_kind,
            element=held.obj,
            element_url=element_access_url(held.obj),
        )
        for held in held_by_post(user)
    ]
    return sorted(rows, key=lambda row: (row.element_kind, str(row.element)))


def admitting_positions(obj) -> dict[str, object]:
    """The positions that see a restricted element without a grant: for each «Privacy»
    on its way (one must be met in each), the positions it admits; and the positions
    that see everything."""
    restriction = element_for(obj).restriction_of(obj)
    if restriction.closure is not Closure.RESTRICTED:
        return {}
    by_group = positions_by_group(
        Group(pk=pk) for groups in restriction.group_sets for pk in groups
    )
    return {
        "admitted": [
            ", ".join(sorted(by_group[pk].name for pk in groups if pk in by_group))
            for groups in restriction.group_sets
        ],
        "seeing_everything": ", ".join(
            Position.objects.filter(sees_everything=True).values_list("name", flat=True)
        ),
    }


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
