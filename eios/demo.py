"""The demo school, assembled from what each app contributes (issue 11).

An app adds its part with Wagtail's hook `register_demo_data`: the hook returns the
app's `DemoPart`s, each with its place in the sequence. The core knows no app; the
parts run in the order they declare, the lowest first, so one app's part may build on
what an earlier part of another made (the official site's catalogue of platforms
names the positions that the people's part defines, for example). Every part must be
idempotent: running the whole again completes what is missing and changes nothing that
exists.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from wagtail import hooks

from .models import School

HOOK = "register_demo_data"


@dataclass
class Demo:
    """What the parts share: the options of `load_demo` and the school, which the part
    that sets up the school's site records here for the parts after it."""

    students: int = 60
    news: int = 12
    editions: int = 2000
    school: School | None = None


@dataclass(frozen=True)
class DemoPart:
    order: int
    name: str
    load: Callable[[Demo], None]


def demo_parts() -> list[DemoPart]:
    """Every registered part in the order they run (ties broken by name, so the order
    never depends on which app Wagtail happened to read first)."""
    found: Iterable[DemoPart] = (part for hook in hooks.get_hooks(HOOK) for part in hook())
    return sorted(found, key=lambda part: (part.order, part.name))


@transaction.atomic
def demo_load(*, students: int = 60, news: int = 12, editions: int = 2000) -> School:
    """Load the demo school: every app's part, in their order, in one transaction."""
    demo = Demo(students=students, news=news, editions=editions)
    for part in demo_parts():
        part.load(demo)
    if demo.school is None:
        raise LookupError("No part of the demo set up the school.")
    return demo.school
