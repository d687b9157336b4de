"""Access defaults of the demo school (SPEC §4): the methodical section is open to the
staff's positions only, and the head of the subject department administers it (grants
view to colleagues from «Access»). The director and deputies see everything by their
positions; class teachers their class, by the class record."""

from wagtail.models import PageViewRestriction

from accounts.models import Position, User
from cms.models import ContentPage, School
from eios.access import Action, grant

STAFF_POSITIONS = [
    "director",
    "deputy",
    "head_of_department",
    "teacher",
    "class_teacher",
    "it_teacher",
    "librarian",
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
    head = Position.objects.filter(code="head_of_department", group__isnull=False).first()
    if head is not None:
        grant(
            actor=User.objects.get(username="admin"),
            action=Action.ADMINISTER,
            obj=section,
            group=head.group,
        )
