"""The folder /food/ of a school's site: the menu files the federal monitoring reads.

Минпросвещения letter ГД-1158/01 of 17.05.2021: state and municipal schools publish the
daily menu of hot meals as XLSX files in the folder /food/ of their official site, where
a robot («мониторингпитание.рф») fetches them; the menu of a day is due by the evening
before (reference/official-site.md §2.14). One site = one school (SPEC §8), so the files
belong to a site.
"""

import posixpath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class MenuKind(models.TextChoices):
    # The names the monitoring accepts (third-party implementations, official-site.md §2.14).
    DAILY = "daily", _("daily menu")  # YYYY-MM-DD-sm.xlsx
    TYPICAL = "typical", _("typical menu")  # tmYYYY-sm.xlsx
    CALENDAR = "calendar", _("calendar plan")  # kpYYYY-sm.xlsx
    INDEX = "findex", _("public control file")  # findex.xlsx


def _stored_name(instance, filename) -> str:
    # Kept apart per site; the public address is /food/<name>, whatever the storage names it.
    return posixpath.join("food", str(instance.site_id), filename)


class MenuFile(models.Model):
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="menu_files", verbose_name=_("site")
    )
    name = models.CharField(_("file name"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=MenuKind.choices)
    day = models.DateField(_("day of the menu"), null=True, blank=True)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=_stored_name)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("menu file")
        verbose_name_plural = _("menu files")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="food_one_file_per_name")
        ]
        indexes = [models.Index(fields=["site", "kind", "day"], name="food_site_kind_day")]

    def __str__(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return f"/food/{self.name}"
