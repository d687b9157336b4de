"""The demo school: one command, `load_demo`, made of the parts each app registers
(issue 11), with the README's demo accounts."""

import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from accounts.models import ClassMembership, User
from cms.models import Platform
from eios.demo import HOOK, Demo, DemoPart, demo_load, demo_parts
from eios.models import School

pytestmark = pytest.mark.django_db

ROW = re.compile(r"^\| (?P<role>[^|]+) \| `(?P<login>[^`]+)` \| `(?P<password>[^`]+)` \|$", re.M)


def readme_accounts() -> list[tuple[str, str, str]]:
    """The table of development-only accounts under «Demo school» in README.md."""
    text = (settings.BASE_DIR / "README.md").read_text()
    section = text.split("## Demo school", 1)[1].split("\n## ", 1)[0]
    return [(row["role"], row["login"], row["password"]) for row in ROW.finditer(section)]


def load_demo():
    call_command("load_demo", students=3, news=1, stdout=io.StringIO())


def test_the_readme_lists_a_second_pupil_in_6a():
    assert ("student of 6А", "student2", "demo-student2-29") in readme_accounts()


def test_load_demo_on_an_empty_database_lets_every_readme_account_log_in():
    load_demo()

    for _role, login, password in readme_accounts():
        client = Client()
        response = client.post(reverse("account_login"), {"login": login, "password": password})
        assert response.status_code == 302, login
        assert response.wsgi_request.user.username == login
        assert client.get(reverse("cabinet")).status_code == 200, login


def test_the_second_demo_pupil_studies_in_6a():
    load_demo()

    student2 = User.objects.get(username="student2")
    (membership,) = ClassMembership.objects.filter(user=student2)
    assert membership.school_class.name == "6А"
    assert not ClassMembership.objects.filter(
        user__username="student", school_class__name="6А"
    ).exists()


def every_row_count() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_running_load_demo_twice_changes_nothing():
    load_demo()
    first = every_row_count()
    school = School.objects.get()

    load_demo()

    assert every_row_count() == first
    assert School.objects.get() == school


def test_the_parts_run_in_the_order_they_declare():
    assert [part.name for part in demo_parts()] == [
        "cms.site",
        "accounts.positions",
        "cms.content",
        "accounts.people",
        "cms.access",
        "cms.look",
        "library.editions",
        "portfolio.portfolios",
        "library.external",
    ]


def test_an_app_joins_the_demo_by_registering_its_part():
    seen = []

    def toy(demo: Demo) -> None:
        # Between the official site's content and the people: the platforms are there,
        # the README's accounts are not yet.
        seen.append((demo.school, Platform.objects.exists(), User.objects.exists()))

    def toy_parts():
        return [DemoPart(order=35, name="toy.part", load=toy)]

    with hooks.register_temporarily(HOOK, toy_parts):
        names = [part.name for part in demo_parts()]
        school = demo_load(students=1, news=1)

    assert names.index("cms.content") < names.index("toy.part") < names.index("accounts.people")
    assert seen == [(school, True, False)]
