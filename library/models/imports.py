"""Staged imports (Koha's reservoir, feature-anchors §4.1): a file is read into a batch of
records, each matched against the catalogue; the batch is committed whole or not at all,
and a committed batch can be undone whole."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    MARC = "marc", _("MARC (ISO 2709)")
    MARCXML = "marcxml", "MARCXML"


class BatchState(models.TextChoices):
    STAGED = "staged", _("staged")
    REFUSED = "refused", _("refused")
    COMMITTED = "committed", _("committed")
    UNDONE = "undone", _("undone")


class RecordStatus(models.TextChoices):
    NEW = "new", _("new")
    MATCHING = "matching", _("already in the catalogue")
    PROBLEM = "problem", _("problem")


class ImportBatch(models.Model):
    file_name = models.CharField(_("file"), max_length=300)
    format = models.CharField(_("format"), max_length=10, choices=ImportFormat.choices)
    state = models.CharField(
        _("batch state"), max_length=10, choices=BatchState.choices, default=BatchState.STAGED
    )
    # Problems of the file as a whole (its encoding, its size), before any record.
    problems = models.JSONField(_("problems"), default=list, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("loaded by"),
    )
    created_at = models.DateTimeField(_("staged at"), default=timezone.now)
    committed_at = models.DateTimeField(_("committed at"), null=True, blank=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return reverse("library_import_batch", args=[self.pk])


class ImportRecord(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="records")
    # The record's number in the file, and for a spreadsheet its row (the header is row 1).
    number = models.PositiveIntegerField()
    row = models.PositiveIntegerField(null=True, blank=True)
    fields = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=RecordStatus.choices)
    # [{"field": …, "message": …}]: each names the field it is about.
    problems = models.JSONField(default=list, blank=True)
    match = models.ForeignKey(
        "library.Edition", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["batch", "number"]

    def __str__(self) -> str:
        return f"{self.batch_id}/{self.number}"
