from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person of the school: student or staff member.

    Russian documents name people as «Фамилия Имя Отчество»; the patronymic is
    optional (not every person has one).
    """

    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    # Namesakes are common in a school: the birth date tells two pupils apart when a
    # class list is imported (likely-duplicate check). Staff may have none recorded.
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    # Issued one-time passwords must not become the long-term password (ASVS 6.4.1):
    # the login flow sends such a user to the password change form first.
    must_change_password = models.BooleanField(_("must change password"), default=False)

    class Meta(AbstractUser.Meta):
        ordering = ["last_name", "first_name", "patronymic"]
        swappable = "AUTH_USER_MODEL"

    def get_full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    def get_short_name(self) -> str:
        initials = "".join(f"{p[0]}." for p in (self.first_name, self.patronymic) if p)
        return f"{self.last_name} {initials}".strip() or self.username


class Position(models.Model):
    """A status or post a person may hold: director, teacher, student …

    Positions are data the administrator edits (regulation §5.3: the access
    level follows from status and position).
    """

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return self.name
