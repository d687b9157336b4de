"""The staff section lists its subpages to those who may see them, and staff reach it from
their cabinet (issue 14, item 6; SPEC §4)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.models import ContentPage
from eios.access import Action, grant
from tests.clients import signed_in
from tests.factories import page_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(world):
    """The staff's section with a plan for all staff and the council's minutes, closed
    further to the council (the head of department) and the librarian she let in."""
    staff = world.elements.staff_page
    staff.add_child(instance=ContentPage(title="План методической работы", slug="plan"))
    minutes = page_create(
        staff,
        "minutes",
        title="Протоколы методического совета",
        restriction=PageViewRestriction.GROUPS,
        groups=[world.positions["head_of_department"].group],
    )
    grant(
        actor=world.people["superuser"],
        action=Action.VIEW,
        obj=minutes,
        user=world.people["librarian"],
    )
    return staff


def listed(client, url) -> list[str]:
    html = BeautifulSoup(client.get(url).content, "html.parser")
    nav = html.find(id="subpages-title")
    return [a.get_text() for a in nav.find_parent("nav").find_all("a")] if nav else []


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("teacher", ["План методической работы"]),
        ("head_of_department", ["План методической работы", "Протоколы методического совета"]),
        ("librarian", ["План методической работы", "Протоколы методического совета"]),
        ("director", ["План методической работы", "Протоколы методического совета"]),
    ],
)
def test_the_staff_section_lists_the_subpages_each_may_see(world, section, who, expected):
    assert listed(signed_in(world.people[who]), section.url) == expected


def test_a_public_page_lists_only_public_subpages_to_a_visitor(world, home):
    about = world.elements.public_page
    about.add_child(instance=ContentPage(title="История школы", slug="history"))
    page_create(
        about, "reports", title="Отчёты для сотрудников", restriction=PageViewRestriction.LOGIN
    )
    assert listed(Client(), about.url) == ["История школы"]
    assert listed(signed_in(world.people["student"]), about.url) == [
        "История школы",
        "Отчёты для сотрудников",
    ]


def cabinet_sections(client) -> list[str]:
    html = BeautifulSoup(client.get("/cabinet/").content, "html.parser")
    heading = html.find(id="sections-title")
    return [a.get_text() for a in heading.find_parent("section").find_all("a")] if heading else []


def test_staff_reach_their_section_from_the_cabinet(world, section):
    assert "Staff" in cabinet_sections(signed_in(world.people["teacher"]))
    assert cabinet_sections(signed_in(world.people["student"])) == ["Members"]
