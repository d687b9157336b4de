from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from .periods import OrderedPeriod


class AccountStateError(Exception):
    def __init__(self, user):
        super().__init__(
            f"{user.get_username()}: «active» changes only through account_block/account_unblock"
        )


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
    # Contact data of §3 of the SPEC: e-mail is optional (most pupils have none).
    phone = models.CharField(_("telephone"), max_length=40, blank=True)

    class Meta(AbstractUser.Meta):
        ordering = ["last_name", "first_name", "patronymic"]
        swappable = "AUTH_USER_MODEL"
        # Every login finds its account by the name typed in any case
        # (`selectors.account_for_login`): without this, a scan of all people.
        indexes = [models.Index(Upper("username"), name="accounts_user_username_upper")]
        permissions = [
            ("issue_credentials", _("Can issue logins and one-time passwords")),
            ("block_user", _("Can block and unblock accounts")),
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user._stored_is_active = user.__dict__.get("is_active")
        return user

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or "is_active" in fields:
            self._stored_is_active = self.is_active

    def save(self, *args, **kwargs):
        # Only blocking and unblocking switch an account on or off (regulation §6.7): they
        # keep a record, end sessions and write the audit log. A form that ticks «active»
        # off would do none of that, so saving a changed state is refused.
        stored = getattr(self, "_stored_is_active", None)
        if self.pk is not None and stored is not None and stored != self.is_active:
            raise AccountStateError(self)
        super().save(*args, **kwargs)

    def active_state_saved(self, is_active: bool) -> None:
        """The blocking services wrote `is_active`; this instance now agrees with the row."""
        self.is_active = self._stored_is_active = is_active

    def get_full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    def get_label(self) -> str:
        """Name and login, as admin screens show a person: the login tells namesakes apart."""
        name = self.get_full_name()
        return f"{name} ({self.username})" if name else self.username

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
    # What the position may do in the admin is the permissions of this group; holding
    # the position puts the person in the group (regulation §5.3).
    group = models.OneToOneField(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="position",
        verbose_name=_("permission group"),
    )
    is_staff_position = models.BooleanField(
        _("staff position"),
        default=True,
        help_text=_("Holders work at the school (as opposed to pupils)."),
    )
    sees_everything = models.BooleanField(
        _("sees everything"),
        default=False,
        help_text=_(
            "Holders may view every element of the environment, restricted ones included "
            "(the director and deputies, regulation §5.4)."
        ),
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self) -> str:
        return self.name


class Appointment(OrderedPeriod):
    """A person holds a position from an order until another order ends it.

    Ended appointments stay: the history of who held what is part of the record.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="appointments", verbose_name=_("person")
    )
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("position")
    )

    class Meta:
        ordering = ["-started_on"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "position"],
                condition=models.Q(ended_on__isnull=True),
                name="one_current_appointment_per_position",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.position}"
