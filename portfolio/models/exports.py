from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .achievements import Portfolio


class ExportFormat(models.TextChoices):
    PDF = "pdf", _("PDF document")
    ZIP = "zip", _("ZIP of evidence files")


class PortfolioExport(models.Model):
    """A file made from a portfolio in the background, for the person who asked for it."""

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.PROTECT, related_name="exports", verbose_name=_("portfolio")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("asked by"),
    )
    format = models.CharField(_("format"), max_length=5, choices=ExportFormat.choices)
    file = models.FileField(_("file"), upload_to="portfolio/exports/%Y/%m/")
    created_at = models.DateTimeField(_("made at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("portfolio export")
        verbose_name_plural = _("portfolio exports")

    def __str__(self) -> str:
        return f"{self.portfolio} ({self.get_format_display()})"

    def get_absolute_url(self) -> str:
        return reverse("portfolio:export", args=[self.pk])
