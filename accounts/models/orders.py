from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class OrderKind(models.TextChoices):
    ENROLMENT = "enrolment", _("enrolment")
    TRANSFER = "transfer", _("transfer to another class")
    EXPULSION = "expulsion", _("expulsion")
    HIRING = "hiring", _("hiring")
    POSITION_CHANGE = "position_change", _("change of position")
    DISMISSAL = "dismissal", _("dismissal")


PUPIL_KINDS = {OrderKind.ENROLMENT, OrderKind.TRANSFER, OrderKind.EXPULSION}


class AppliedOrderError(ValidationError):
    def __init__(self):
        super().__init__(
            _("An applied order cannot be changed; correct a mistake with a new order."),
            code="order_applied",
        )


class Order(ClusterableModel):
    """A director's order (приказ): the only source of changes in who studies or works
    at the school (regulation §6.5–§6.7). `accounts.services.orders.order_apply` carries
    it out; once applied it is a record and never changes.

    A draft (from a class-list upload, or begun by hand) has no number, date or
    signatory: the office copies them from the signed paper order, and only then can it
    be applied. No placeholder ever stands in for a number.
    """

    school = models.ForeignKey(
        "eios.School", on_delete=models.PROTECT, related_name="orders", verbose_name=_("school")
    )
    number = models.CharField(
        _("number"),
        max_length=30,
        blank=True,
        help_text=_("As on the signed order; a draft has none until the order is signed."),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrderKind.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    # Copied from the paper as printed under the order: a name and a post, not an
    # account, since the signatory may be an acting director or no longer work here,
    # and the record must read as the order did on the day it was signed.
    signatory_name = models.CharField(
        _("signed by"),
        max_length=150,
        blank=True,
        help_text=_("Surname and initials, e.g. «Сергеев П. И.»."),
    )
    signatory_position = models.CharField(
        _("signatory's position"),
        max_length=150,
        blank=True,
        help_text=_("E.g. «директор» or «и. о. директора»."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True, editable=False)
    applied_by = models.ForeignKey(
        "User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("applied by"),
    )

    class Meta:
        # Drafts without a date first: they are what the office works on.
        ordering = [models.F("date").desc(nulls_first=True), "-number", "-pk"]
        # «order» is also a place in a list (sort order): the catalogue tells them apart.
        verbose_name = pgettext_lazy("a director's decree", "order")
        verbose_name_plural = _("orders")
        constraints = [
            # Drafts have no number yet: any number of them may wait at once.
            models.UniqueConstraint(
                fields=["school", "number", "date"],
                condition=~models.Q(number=""),
                name="unique_order_number",
                violation_error_message=_(
                    "The school already has an order with this number and date."
                ),
            )
        ]

    def __str__(self) -> str:
        if self.number and self.date:
            return _("Order № %(number)s of %(date)s") % {
                "number": self.number,
                "date": self.date.strftime("%d.%m.%Y"),
            }
        return _("Draft order: %(title)s") % {"title": self.title or self.get_kind_display()}

    # Admin listings and the order's page show these instead of an empty cell.
    def get_number_display(self) -> str:
        return self.number or _("no number yet")

    def get_date_display(self) -> str:
        return date_format(self.date) if self.date else "—"

    @property
    def is_applied(self) -> bool:
        return self.applied_at is not None

    def save(self, *args, **kwargs):
        # The applying service saves with `applying=True`; nothing else may touch a record.
        if not kwargs.pop("applying", False) and _applied(self.pk):
            raise AppliedOrderError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _applied(self.pk):
            raise AppliedOrderError()
        return super().delete(*args, **kwargs)


def _applied(order_id) -> bool:
    # The database decides, not an instance that may predate the applying.
    return (
        order_id is not None
        and Order.objects.filter(pk=order_id, applied_at__isnull=False).exists()
    )


class OrderLine(models.Model):
    """One person named by an order: an existing person, or the name of a new one."""

    order = ParentalKey(Order, on_delete=models.CASCADE, related_name="lines")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    person = models.ForeignKey(
        "User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="order_lines",
        verbose_name=_("person"),
        help_text=_("An existing person; leave empty to register a new one by name."),
    )
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    school_class = models.ForeignKey(
        "SchoolClass",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("class"),
        help_text=_("Enrolment and transfer: the class the pupil joins."),
    )
    position = models.ForeignKey(
        "Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("position"),
        help_text=_("Hiring and change of position: the position taken up."),
    )
    position_left = models.ForeignKey(
        "Position",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("position left"),
        help_text=_("Change of position: the position given up, if any."),
    )
    namesake = models.BooleanField(
        _("a different person of the same name"),
        default=False,
        help_text=_(
            "Tick only after checking: the school already has someone of this name and birth "
            "date, and this line is another person (a namesake), not a second account for them."
        ),
    )
    user_created = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")

    def __str__(self) -> str:
        if self.person_id:
            return self.person.get_full_name()
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    def save(self, *args, **kwargs):
        if _applied(self.order_id):
            raise AppliedOrderError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if _applied(self.order_id):
            raise AppliedOrderError()
        return super().delete(*args, **kwargs)
