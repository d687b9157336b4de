from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BlockKind(models.TextChoices):
    ORDER = "order", _("by order (dismissal, expulsion)")
    ADMINISTRATOR = "administrator", _("by the administrator")
    SELF = "self", _("by the person (credentials compromised)")
    CLASS_TEACHER = "class_teacher", _("by the class teacher")


class Block(models.Model):
    """One period during which an account could not be used (regulation §6.7, §12.2).

    The account's `is_active` is the switch; this row says why, on whose word and until
    when, for the administrator. Nothing of the person is deleted while blocked.
    """

    user = models.ForeignKey(
        "User", on_delete=models.CASCADE, related_name="blocks", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=BlockKind.choices)
    reason = models.TextField(_("reason"))
    order = models.ForeignKey(
        "Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="blocks",
        verbose_name=pgettext_lazy("a director's decree", "order"),
    )
    blocked_at = models.DateTimeField(_("blocked at"), auto_now_add=True)
    blocked_by = models.ForeignKey(
        "User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(_("unblocked at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        "User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lift_reason = models.TextField(_("reason for unblocking"), blank=True)
    lift_order = models.ForeignKey(
        "Order", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-blocked_at"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(lifted_at__isnull=True),
                name="one_open_block_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.reason}"
