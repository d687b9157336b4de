"""A school with one person per position and one element of every kind and closure
level, for the access tests (SPEC §4; regulation §5.2–§5.6)."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from accounts.models import (
    BlockKind,
    ClassMembership,
    Position,
    SchoolClass,
    SubjectDepartment,
    User,
)
from accounts.services.blocking import account_block
from accounts.services.positions import appointment_start
from cms.models import ContentPage, Platform, PlatformCatalogPage, SchoolDocument
from eios.access import Action, grant
from eios.models import School

# The school, its people and its class as the accounts tests make them (the access
# screens' tests).
from tests.accounts.conftest import (  # noqa: F401
    director,
    school,
    school_class,
    student_position,
    teacher,
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


def _position(code, permissions, sees_everything) -> Position:
    group = Group.objects.create(name=f"group of {code}")
    for name in permissions:
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return Position.objects.create(
        code=code,
        name=code,
        group=group,
        sees_everything=sees_everything,
        is_staff_position=code != "student",
    )


@pytest.fixture
def world(school_site, home):
    positions = {code: _position(code, perms, sees) for code, perms, sees in POSITIONS}
    people = {}
    for code, position in positions.items():
        people[code] = User.objects.create_user(code, password="pass-29", last_name=code)
        appointment_start(user=people[code], position=position, on=TODAY)
    people["superuser"] = User.objects.create_superuser("root", password="pass-29")
    people["blocked"] = User.objects.create_user("former", password="pass-29")
    appointment_start(user=people["blocked"], position=positions["teacher"], on=TODAY)
    staff_groups = [positions[code].group for code in STAFF]

    def page(slug, *, restriction=None, groups=()):
        new = ContentPage(title=slug.title(), slug=slug, intro=f"Text of {slug}")
        home.add_child(instance=new)
        if restriction:
            PageViewRestriction.objects.create(page=new, restriction_type=restriction)
            new.view_restrictions.get().groups.set(groups)
        return new

    home.add_child(instance=PlatformCatalogPage(title="Каталог платформ", slug="platforms"))
    root = Collection.get_first_root_node()
    methodical = root.add_child(name="Методические материалы")
    CollectionViewRestriction.objects.create(
        collection=methodical, restriction_type="groups"
    ).groups.set(staff_groups)

    def document(title, collection):
        return SchoolDocument.objects.create(
            title=title, collection=collection, file=ContentFile(b"%PDF-1.4 text", "plan.pdf")
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
        public_document=document("Устав", root),
        staff_document=document("Методичка", methodical),
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
