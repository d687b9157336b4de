from django.db import models
from django.utils.translation import gettext_lazy as _

from .periods import OrderedPeriod


class SchoolClass(models.Model):
    """A class of one school in one school year: «5А» of 2025/2026.

    Next year's «6А» is a new record: the history of who studied where stays readable.
    """

    school = models.ForeignKey(
        "eios.School", on_delete=models.CASCADE, related_name="classes", verbose_name=_("school")
    )
    name = models.CharField(_("name"), max_length=20, help_text=_("For example «5А»."))
    year = models.PositiveSmallIntegerField(
        _("school year"), help_text=_("The year the school year starts: 2025 for 2025/2026.")
    )
    class_teacher = models.ForeignKey(
        "User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_classes",
        verbose_name=_("class teacher"),
    )

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        constraints = [
            models.UniqueConstraint(fields=["school", "year", "name"], name="unique_class_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.school_year})"

    @property
    def school_year(self) -> str:
        return f"{self.year}/{self.year + 1}"


class ClassMembership(OrderedPeriod):
    """A pupil studies in a class from an order (enrolment, transfer) until another one."""

    user = models.ForeignKey(
        "User", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("pupil")
    )
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("class")
    )

    class Meta:
        ordering = ["-started_on"]
        verbose_name = _("class membership")
        verbose_name_plural = _("class memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(ended_on__isnull=True),
                name="one_current_class_per_pupil",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.school_class}"
