"""Imports from «Сетевой город. Образование» (regulation §11.2–§11.3): the column mapping
the administrator keeps, and each import as a batch that can be undone whole."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# field of an achievement row → the column heading of the export that holds it
DEFAULT_COLUMNS = {
    "student": "ФИО",
    "class_name": "Класс",
    "sphere": "Направленность",
    "kind": "Вид",
    "event": "Мероприятие",
    "organiser": "Организатор",
    "level": "Уровень",
    "result": "Результат",
    "date": "Дата",
}


class ColumnMapping(models.Model):
    """Which column of the export holds what; the one most recently saved is used."""

    student = models.CharField(_("column: student's full name"), max_length=100)
    class_name = models.CharField(_("column: class"), max_length=100)
    sphere = models.CharField(_("column: sphere"), max_length=100)
    kind = models.CharField(_("column: kind"), max_length=100)
    event = models.CharField(_("column: event"), max_length=100)
    organiser = models.CharField(_("column: organiser"), max_length=100, blank=True)
    level = models.CharField(_("column: level"), max_length=100)
    result = models.CharField(_("column: result"), max_length=100)
    date = models.CharField(_("column: date"), max_length=100)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("import column mapping")
        verbose_name_plural = _("import column mappings")

    def __str__(self) -> str:
        return str(_("Column mapping of %(date)s") % {"date": f"{self.updated_at:%d.%m.%Y}"})

    @classmethod
    def current(cls) -> "ColumnMapping":
        return cls.objects.order_by("-updated_at", "-pk").first() or cls(**DEFAULT_COLUMNS)

    def columns(self) -> dict[str, str]:
        return {field: getattr(self, field) for field in DEFAULT_COLUMNS if getattr(self, field)}


class ImportBatch(models.Model):
    file = models.FileField(_("file"), upload_to="portfolio/imports/%Y/%m/")
    file_name = models.CharField(_("file name"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("imported at"), default=timezone.now)
    added = models.PositiveIntegerField(_("achievements added"), default=0)
    skipped = models.PositiveIntegerField(_("rows already imported"), default=0)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import from «Сетевой город»")
        verbose_name_plural = _("imports from «Сетевой город»")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("portfolio:import_batch", args=[self.pk])
