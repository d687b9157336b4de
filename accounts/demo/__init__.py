"""accounts' part of the demo school (`load_demo`, eios/demo.py): positions, the README's
demo accounts and generated pupils, and what the school recorded about them (classes,
orders, terms of use, subject departments)."""

from eios.demo import Demo, DemoPart

from .people import people_create, positions_create
from .school_people import demo_people_load


def _positions(demo: Demo) -> None:
    positions_create()


def _people(demo: Demo) -> None:
    people_create(students=demo.students)
    demo_people_load(demo.school)


PARTS = [
    # Before the official site's content: its platforms name the positions they serve.
    DemoPart(order=20, name="accounts.positions", load=_positions),
    # On the school of the site's part; before the access defaults, which close pages to
    # the positions' groups and give each subject department its materials.
    DemoPart(order=40, name="accounts.people", load=_people),
]
