"""Access defaults of the demo school (SPEC §4): the methodical section is open to the
staff's positions only; each subject department has its materials there, administered
by the department's head (who grants view to colleagues and pupils from «Access»). The
director and deputies see everything by their positions; class teachers their class, by
the class record."""

from wagtail.models import PageViewRestriction

from accounts.models import Position, SubjectDepartment, User
from cms.models import ContentPage
from eios.models import School

STAFF_POSITIONS = [
    "director",
    "deputy",
    "head_of_department",
    "teacher",
    "class_teacher",
    "it_teacher",
    "librarian",
]

# name, subjects, slug of its materials, username of its head (None: no head yet)
DEPARTMENTS = [
    (
        "ШМО учителей русского языка и литературы",
        "русский язык, литература",
        "shmo-russkogo-yazyka",
        "teacher",
    ),
    (
        "ШМО учителей математики и информатики",
        "математика, алгебра, геометрия, информатика",
        "shmo-matematiki",
        None,
    ),
]


def demo_access_load(school: School) -> None:
    home = school.site.root_page.specific
    if home.get_children().filter(slug="metodicheskaya-rabota").exists():
        return
    section = ContentPage(
        title="Методическая работа",
        slug="metodicheskaya-rabota",
        show_in_menus=False,
        intro="Планы методических объединений, открытые уроки, материалы педсоветов. "
        "Раздел открыт только сотрудникам школы.",
    )
    home.add_child(instance=section)
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    positions = Position.objects.filter(code__in=STAFF_POSITIONS, group__isnull=False)
    restriction.groups.set([position.group for position in positions])
    for name, subjects, slug, head in DEPARTMENTS:
        materials = ContentPage(
            title=name,
            slug=slug,
            intro=f"Рабочие программы, планы и материалы открытых уроков: {subjects}.",
        )
        section.add_child(instance=materials)
        SubjectDepartment.objects.create(
            school=school,
            name=name,
            subjects=subjects,
            head=User.objects.filter(username=head).first() if head else None,
            materials=materials,
        )
