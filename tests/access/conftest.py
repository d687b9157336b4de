"""A school with one person per position and one element of every kind and closure
level, for the access tests (SPEC §4; regulation §5.2–§5.6)."""

import datetime
import functools
from types import SimpleNamespace

import pytest
from wagtail.models import Collection

from accounts.models import (
    BlockKind,
    ClassMembership,
    SchoolClass,
    SubjectDepartment,
    User,
)
from accounts.services.blocking import account_block
from cms.models import Platform, PlatformCatalogPage
from eios.access import Action, grant
from eios.models import School
from tests.factories import (
    collection_create,
    document_create,
    page_create,
    person_create,
    position_create,
)
from tests.images import school_image

TODAY = datetime.date(2026, 9, 1)

# code, Django permissions of its group, sees everything (as the demo school has them)
POSITIONS = [
    ("director", [], True),
    ("deputy", ["accounts.view_schoolclass", "wagtailadmin.access_admin"], True),
    ("head_of_department", ["wagtailadmin.access_admin"], False),
    ("teacher", [], False),
    ("class_teacher", ["accounts.issue_credentials"], False),
    ("it_teacher", ["accounts.issue_credentials", "accounts.view_schoolclass"], False),
    ("librarian", [], False),
    ("student", [], False),
]
STAFF = {"head_of_department", "teacher", "class_teacher", "it_teacher", "librarian"}


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def world(school_site, home):
    positions = {
        code: position_create(
            code,
            *permissions,
            group=f"group of {code}",
            sees_everything=sees_everything,
            is_staff_position=code != "student",
        )
        for code, permissions, sees_everything in POSITIONS
    }
    people = {
        code: person_create(code, last_name=code, positions=[position], on=TODAY)
        for code, position in positions.items()
    }
    people["superuser"] = User.objects.create_superuser("root", password="pass-29")
    people["blocked"] = person_create(
        "former", last_name="", positions=[positions["teacher"]], on=TODAY
    )
    staff_groups = [positions[code].group for code in STAFF]

    page = functools.partial(page_create, home)

    home.add_child(instance=PlatformCatalogPage(title="Каталог платформ", slug="platforms"))
    root = Collection.get_first_root_node()
    methodical = collection_create(
        "Методические материалы", restriction="groups", groups=staff_groups
    )

    class_5a = SchoolClass.objects.create(
        school=School.for_site(school_site),
        name="5А",
        year=2026,
        class_teacher=people["class_teacher"],
    )
    ClassMembership.objects.create(user=people["student"], school_class=class_5a, started_on=TODAY)
    elements = SimpleNamespace(
        public_page=page("about"),
        members_page=page("members", restriction="login"),
        staff_page=page("staff", restriction="groups", groups=staff_groups),
        council_page=page(
            "council", restriction="groups", groups=[positions["head_of_department"].group]
        ),
        department_page=page("mathematics", restriction="groups", groups=staff_groups),
        public_document=document_create("Устав", root),
        staff_document=document_create("Методичка", methodical),
        public_image=school_image("Здание школы", root, "building.png"),
        staff_image=school_image("Схема урока", methodical, "lesson.png"),
        school_class=class_5a,
        platform=Platform.objects.create(
            school=School.for_site(school_site), name="Российская электронная школа"
        ),
    )
    # The head of the mathematics department administers its materials by their post.
    SubjectDepartment.objects.create(
        school=School.for_site(school_site),
        name="ШМО учителей математики",
        head=people["head_of_department"],
        materials=elements.department_page,
    )
    # The head of department administers the council's pages and has let the librarian in.
    grant(
        actor=people["superuser"],
        action=Action.ADMINISTER,
        obj=elements.council_page,
        group=positions["head_of_department"].group,
    )
    grant(
        actor=people["head_of_department"],
        action=Action.VIEW,
        obj=elements.council_page,
        user=people["librarian"],
    )
    account_block(user=people["blocked"], kind=BlockKind.ADMINISTRATOR, reason="Приказ 5-к")
    return SimpleNamespace(people=people, positions=positions, elements=elements)
