"""Element administrators pick people to grant to (regulation §5.4–§5.5): the README's
«Access» example walked through the real screens by the demo school's head of a subject
department, who administers her department's materials by her post alone."""

import re

import pytest
from django.urls import reverse

from accounts.models import SubjectDepartment, User
from eios.access import Action, administers_anything, can
from eios.demo import demo_load
from tests.clients import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    demo_load(students=3, news=1)
    department = SubjectDepartment.objects.get(head__username="teacher")
    return department.head, department.materials, User.objects.get(username="student")


def chooser_url(access_screen: str) -> str:
    """The address the person field of the Access screen opens its chooser at."""
    (url,) = set(re.findall(r'"(/admin/people-chooser/)"', access_screen))
    return url


def test_the_head_of_department_administers_something_by_her_post_alone(demo):
    head, _materials, pupil = demo
    assert not head.user_permissions.exists()
    assert administers_anything(head)
    assert not administers_anything(pupil)


def test_the_head_opens_her_materials_to_a_pupil_from_the_access_screen(demo):
    head, materials, pupil = demo
    assert signed_in(pupil).get(materials.url).status_code == 404
    browser = signed_in(head)
    access_url = reverse("eios_access_element", args=["wagtailcore.page", materials.pk])

    screen = browser.get(access_url)
    assert screen.status_code == 200
    chooser = chooser_url(screen.content.decode())
    opened = browser.get(chooser)
    assert opened.status_code == 200
    found = browser.get(f"{chooser}results/", {"q": "Кузнецов"})
    assert found.status_code == 200
    assert "Кузнецов Артём" in found.content.decode()
    chosen = browser.get(reverse("person_chooser:chosen", args=[pupil.pk]))
    assert chosen.status_code == 200
    assert chosen.json()["result"]["id"] == str(pupil.pk)
    granted = browser.post(access_url, {"action": "view", "person": pupil.pk})

    assert granted.status_code == 302
    assert can(pupil, Action.VIEW, materials)
    assert signed_in(pupil).get(materials.url).status_code == 200


def test_people_who_administer_nothing_cannot_look_people_up(demo):
    _head, _materials, pupil = demo
    editor = User.objects.get(username="editor")  # a deputy: sees all, administers nothing
    for person in (pupil, editor):
        refused = signed_in(person).get(reverse("person_chooser:choose"))
        # Wagtail sends a refused admin request back to the admin's home or the login.
        assert refused.status_code == 302
        assert refused["Location"].startswith(("/admin/", "/accounts/login/"))
