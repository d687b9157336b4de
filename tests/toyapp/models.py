from django.conf import settings
from django.db import models


class Club(models.Model):
    """A school club (кружок): its leader keeps it; its meetings are for those let in."""

    name = models.CharField(max_length=100)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = "club"

    def __str__(self) -> str:
        return self.name
