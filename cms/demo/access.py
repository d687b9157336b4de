"""Access defaults of the demo school (SPEC §4): the methodical section is open to the
staff's positions only; each subject department (accounts' part of the demo names them
and their heads) has its materials there, administered by the department's head (who
grants view to colleagues and pupils from «Access»). The director and deputies see
everything by their positions; class teachers their class, by the class record."""

from django.utils.text import slugify
from wagtail.coreutils import string_to_ascii
from wagtail.models import PageViewRestriction

from accounts.models import Position, SubjectDepartment
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

SECTION_SLUG = "metodicheskaya-rabota"


def demo_access_load(school: School) -> None:
    section = _section(school)
    departments = SubjectDepartment.objects.filter(school=school, materials__isnull=True)
    for department in departments.order_by("pk"):
        materials = ContentPage(
            title=department.name,
            # Transliterated, as Wagtail's admin makes it from the title (no Unicode slugs).
            slug=slugify(string_to_ascii(department.name)),
            intro=f"Рабочие программы, планы и материалы открытых уроков: {department.subjects}.",
        )
        section.add_child(instance=materials)
        department.materials = materials
        department.save(update_fields=["materials"])


def _section(school: School) -> ContentPage:
    home = school.site.root_page
    existing = home.get_children().filter(slug=SECTION_SLUG).first()
    if existing is not None:
        return existing.specific
    section = ContentPage(
        title="Методическая работа",
        slug=SECTION_SLUG,
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
    return section
