"""The portfolio's elements for the access module (regulation §5.2–§5.5), registered when
the app is ready.

- A portfolio is restricted: its pupil changes it; the class teacher of the pupil's class
  administers it (views, confirms, grants others); the director and deputies view it as
  they view everything (the engine); anyone else only by a grant. Achievements, their
  files, share links and exports are decided on through their portfolio.
- A pupil's work is restricted the same way, and besides is open to the staff once sent
  for review, and to the pupil's classmates when the owner or a teacher allowed it.

A blocked or expelled pupil keeps their portfolio: the class teacher of the last class
still administers it (regulation §6.7: nothing is deleted, staff who saw it still do).
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Appointment, ClassMembership
from eios.access import (
    Action,
    Closure,
    Element,
    Restriction,
    Tie,
    register_element,
    register_tie,
)

from .models import Portfolio
from .selectors import class_teachers_of

CLOSED = Restriction(Closure.RESTRICTED)


class PortfolioElement(Element):
    label = "portfolio.portfolio"
    kind_name = _("portfolio")

    def restriction(self, portfolio):
        return CLOSED


class WorkElement(Element):
    label = "portfolio.work"
    kind_name = _("work of a pupil")

    def restriction(self, work):
        return CLOSED


def _pupil_led_by(user, pupil_field: str) -> Q:
    """The pupils whose current class `user` leads, or, for a blocked pupil, whose class
    they led: a filter on a model whose `pupil_field` is the pupil."""
    memberships = ClassMembership.objects.filter(
        user=OuterRef(pupil_field), school_class__class_teacher=user
    )
    return Q(Exists(memberships.filter(ended_on__isnull=True))) | Q(
        Exists(memberships), **{f"{pupil_field}__is_active": False}
    )


def _leads(user, pupil) -> bool:
    memberships = ClassMembership.objects.filter(user=pupil, school_class__class_teacher=user)
    if pupil.is_active:
        memberships = memberships.filter(ended_on__isnull=True)
    return memberships.exists()


class OwnerTie(Tie):
    """The pupil keeps their own portfolio and works."""

    action = Action.CHANGE
    post = _("owner")

    def __init__(self, pupil_field: str):
        self.pupil_field = pupil_field

    def __eq__(self, other):
        return type(other) is type(self) and other.pupil_field == self.pupil_field

    def __hash__(self):
        return hash((type(self), self.pupil_field))

    def _pupil(self, obj):
        return obj.pupil if isinstance(obj, Portfolio) else obj.portfolio.pupil

    def holds(self, user, obj):
        return self._pupil(obj).pk == user.pk

    def q(self, user):
        return Q(**{f"{self.pupil_field}_id": user.pk})

    def holders(self, obj):
        pupil = self._pupil(obj)
        return [(pupil, self.post)] if pupil.is_active else []

    def held(self, user):
        # «What can this person do?» lists the portfolios; their works go with them.
        if self.pupil_field != "pupil":
            return []
        return [(obj, self.post) for obj in Portfolio.objects.filter(self.q(user))]


class ClassTeacherTie(OwnerTie):
    """The class teacher views the portfolio of their pupils and confirms what the pupils
    provide (regulation §11.3)."""

    action = Action.ADMINISTER
    post = _("class teacher")

    def holds(self, user, obj):
        return _leads(user, self._pupil(obj))

    def q(self, user):
        return _pupil_led_by(user, self.pupil_field)

    def holders(self, obj):
        return [(teacher, self.post) for teacher in class_teachers_of(self._pupil(obj))]


class StaffReviewerTie(Tie):
    """Teachers read and review a work once it is sent for review (regulation §1.3)."""

    action = Action.VIEW
    post = _("teacher")

    @staticmethod
    def _is_staff(user) -> bool:
        if not hasattr(user, "_portfolio_is_staff"):
            user._portfolio_is_staff = Appointment.objects.filter(
                user=user, ended_on__isnull=True, position__is_staff_position=True
            ).exists()
        return user._portfolio_is_staff

    def holds(self, user, work):
        return self._is_staff(user) and work.snapshots.exists()

    def q(self, user):
        return Q(snapshots__isnull=False) if self._is_staff(user) else Q(pk__in=[])

    def holders(self, work):
        return []

    def held(self, user):
        return []


class ClassmateTie(Tie):
    """Classmates read and review a work where its owner or a teacher allowed it."""

    action = Action.VIEW
    post = _("classmate")

    @staticmethod
    def _classmates(user) -> Q:
        return ClassMembership.objects.filter(
            ended_on__isnull=True,
            school_class__memberships__user=user,
            school_class__memberships__ended_on__isnull=True,
        ).exclude(user=user)

    def holds(self, user, work):
        return (
            work.classmates_may_review
            and self._classmates(user).filter(user=work.portfolio.pupil_id).exists()
        )

    def q(self, user):
        return Q(
            classmates_may_review=True,
            portfolio__pupil__in=self._classmates(user).values("user"),
        )

    def holders(self, work):
        return []

    def held(self, user):
        return []


def access_elements_register() -> None:
    register_element(PortfolioElement())
    register_element(WorkElement())
    register_tie(PortfolioElement.label, OwnerTie("pupil"))
    register_tie(PortfolioElement.label, ClassTeacherTie("pupil"))
    register_tie(WorkElement.label, OwnerTie("portfolio__pupil"))
    register_tie(WorkElement.label, ClassTeacherTie("portfolio__pupil"))
    register_tie(WorkElement.label, StaffReviewerTie())
    register_tie(WorkElement.label, ClassmateTie())
