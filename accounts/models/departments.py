from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectDepartment(models.Model):
    """A subject department (ШМО): the teachers of one or a few subjects and their head.

    Its head administers the department's materials, the section of the site named
    here and every page under it (regulation §5.4): they let colleagues in from
    «Access» without the system administrator. Changing the head moves that at once.
    """

    school = models.ForeignKey(
        "eios.School",
        on_delete=models.CASCADE,
        related_name="departments",
        verbose_name=_("school"),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example «ШМО учителей математики».")
    )
    subjects = models.CharField(
        _("subjects"),
        max_length=300,
        blank=True,
        help_text=_("For example «математика, информатика»."),
    )
    head = models.ForeignKey(
        "User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_departments",
        verbose_name=_("head"),
    )
    materials = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("section of materials"),
        help_text=_("The head administers this page and every page under it."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject department")
        verbose_name_plural = _("subject departments")
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="unique_department_name")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        # The head grants from the admin's «Access» screens: they must be able to open it.
        if self.head is not None and not self.head.has_perm("wagtailadmin.access_admin"):
            raise ValidationError(
                {
                    "head": _(
                        "%(person)s cannot open the admin: appoint them to a position that "
                        "can (head of subject department, for example) first."
                    )
                    % {"person": self.head.get_label()}
                }
            )
