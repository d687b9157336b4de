"""The file names the food monitoring accepts, and what each says about its file."""

import datetime
import re
from dataclasses import dataclass

from .models import MenuKind

_DAILY = re.compile(r"(\d{4})-(\d{2})-(\d{2})-sm\.xlsx")
_YEARLY = re.compile(r"(tm|kp)(\d{4})-sm\.xlsx")
_YEARLY_KINDS = {"tm": MenuKind.TYPICAL, "kp": MenuKind.CALENDAR}
INDEX_NAME = "findex.xlsx"


@dataclass(frozen=True)
class MenuName:
    name: str
    kind: MenuKind
    day: datetime.date | None = None
    year: int | None = None


class BadName(ValueError):
    pass


class NoSuchDate(ValueError):
    pass


def menu_name_parse(name: str) -> MenuName:
    """What a file called `name` is (lower case: names are compared as the robot spells
    them). Raises BadName for a name of no accepted form, NoSuchDate for 2026-02-30."""
    name = name.strip().lower()
    if name == INDEX_NAME:
        return MenuName(name, MenuKind.INDEX)
    if match := _YEARLY.fullmatch(name):
        return MenuName(name, _YEARLY_KINDS[match[1]], year=int(match[2]))
    if match := _DAILY.fullmatch(name):
        try:
            day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as e:
            raise NoSuchDate(name) from e
        return MenuName(name, MenuKind.DAILY, day=day)
    raise BadName(name)


def daily_menu_name(day: datetime.date) -> str:
    return f"{day.isoformat()}-sm.xlsx"
