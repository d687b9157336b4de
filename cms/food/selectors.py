"""Reads of /food/: the folder's files, what /sveden/catering/ lists, what is missing."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import MenuFile, MenuKind

# /sveden/catering/ names the daily menus of about the last two weeks and those ahead;
# the folder /food/ lists them all.
RECENT_DAYS = 14


def menu_files(site):
    return MenuFile.objects.filter(site=site).order_by("name")


def menu_file(site, name: str) -> MenuFile | None:
    return MenuFile.objects.filter(site=site, name=name.lower()).first()


def catering_menus(site, today: datetime.date | None = None) -> dict:
    """The files /sveden/catering/ links to, in one query: recent and coming daily menus,
    newest first, and the yearly files and findex."""
    today = today or timezone.localdate()
    files = list(
        MenuFile.objects.filter(site=site)
        .filter(~Q(kind=MenuKind.DAILY) | Q(day__gte=today - datetime.timedelta(days=RECENT_DAYS)))
        .order_by("-day", "-year", "name")
    )
    return {
        "daily": [menu for menu in files if menu.kind == MenuKind.DAILY],
        "other": [menu for menu in files if menu.kind != MenuKind.DAILY],
    }


def menu_missing(site, now: datetime.datetime | None = None) -> datetime.date | None:
    """The day whose menu is due in /food/ and not there, or None.

    The monitoring wants a day's menu the day before, by FOOD_MENU_DEADLINE_HOUR (18:00 by
    default, the school's time zone); only days in FOOD_MENU_WEEKDAYS (ISO numbers, Monday
    to Friday by default) have meals.
    """
    now = timezone.localtime(now)
    if now.hour < settings.FOOD_MENU_DEADLINE_HOUR:
        return None
    tomorrow = now.date() + datetime.timedelta(days=1)
    if tomorrow.isoweekday() not in settings.FOOD_MENU_WEEKDAYS:
        return None
    if MenuFile.objects.filter(site=site, kind=MenuKind.DAILY, day=tomorrow).exists():
        return None
    return tomorrow
