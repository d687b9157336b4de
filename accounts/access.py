"""What people hold by their post, for the access module (regulation §5.4, §9.5), and
the classes as a kind of element; registered when the app is ready.

- Classes are restricted: only grants, the class teacher and the positions that see
  everything open them.
- The class teacher changes their class (its list and its accounts).
- The head of a subject department administers the department's section of materials,
  a page and every page under it: a tie on the pages' kind (`wagtailcore.page`), which
  the site registers.
- Positions marked «sees everything» (the director and deputies) view every element.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from eios.access import (
    Action,
    Closure,
    Element,
    Restriction,
    Tie,
    register_element,
    register_sees_everything,
    register_tie,
)

from .models import Appointment, SchoolClass, SubjectDepartment, User


class SchoolClassElement(Element):
    label = "accounts.schoolclass"
    kind_name = _("class")

    def restriction(self, school_class: SchoolClass) -> Restriction:
        return Restriction(Closure.RESTRICTED)


class ClassTeacherTie(Tie):
    """The class teacher keeps the class list and its accounts (regulation §9.5)."""

    action = Action.CHANGE
    post = _("class teacher")

    def holds(self, user: User, school_class: SchoolClass) -> bool:
        return school_class.class_teacher_id == user.pk

    def q(self, user: User) -> Q:
        return Q(class_teacher=user)

    def holders(self, school_class: SchoolClass) -> list[tuple[User, str]]:
        teacher = school_class.class_teacher
        if teacher is None or not teacher.is_active:
            return []
        return [(teacher, self.post)]

    def held(self, user: User) -> list[tuple[SchoolClass, str]]:
        return [
            (school_class, self.post)
            for school_class in SchoolClass.objects.filter(class_teacher=user)
        ]


class DepartmentHeadTie(Tie):
    """The head of a subject department administers its materials (regulation §5.4)."""

    action = Action.ADMINISTER

    @staticmethod
    def _post(department) -> str:
        return _("head of «%(name)s»") % {"name": department}

    @staticmethod
    def _over(page):
        """The subject departments whose materials are this page or a page above it."""
        step = page.steplen
        covering = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
        return SubjectDepartment.objects.filter(materials__path__in=covering)

    @staticmethod
    def _headed_by(user):
        return SubjectDepartment.objects.filter(head=user, materials__isnull=False)

    def holds(self, user: User, page: Page) -> bool:
        return self._over(page).filter(head=user).exists()

    def q(self, user: User) -> Q:
        return Q(pk__in=self._headed_by(user).values("materials"))

    def holders(self, page: Page) -> list[tuple[User, str]]:
        departments = self._over(page).filter(head__is_active=True).select_related("head")
        return [(department.head, self._post(department)) for department in departments]

    def held(self, user: User) -> list[tuple[Page, str]]:
        departments = self._headed_by(user).select_related("materials")
        return [(department.materials, self._post(department)) for department in departments]


def sees_everything(user: User) -> bool:
    """The director and deputies see all (regulation §5.4): positions marked so."""
    return Appointment.objects.filter(
        user=user, ended_on__isnull=True, position__sees_everything=True
    ).exists()


def access_elements_register() -> None:
    register_element(SchoolClassElement())
    register_tie(SchoolClassElement.label, ClassTeacherTie())
    register_tie("wagtailcore.page", DepartmentHeadTie())
    register_sees_everything(sees_everything)
