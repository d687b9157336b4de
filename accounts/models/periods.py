from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderedPeriod(models.Model):
    """Something a person holds from one order until another ends it (a position, a place
    in a class). Ended periods stay: the history is part of the record."""

    started_on = models.DateField(_("since"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    started_by = models.ForeignKey(
        "Order", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_by = models.ForeignKey(
        "Order", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["-started_on"]
