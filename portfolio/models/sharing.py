"""Read-only links to a portfolio's showcase, with an expiry and a log of every opening
(who opened it is known only by address and time: the link needs no login)."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .achievements import Portfolio


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ShareLink(models.Model):
    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.PROTECT, related_name="share_links", verbose_name=_("portfolio")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self) -> str:
        return f"{self.portfolio} — {self.expires_at:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("portfolio:shared", args=[self.token])

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class ShareOpening(models.Model):
    link = models.ForeignKey(
        ShareLink, on_delete=models.PROTECT, related_name="openings", verbose_name=_("link")
    )
    at = models.DateTimeField(_("opened at"), default=timezone.now)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("opening of a share link")
        verbose_name_plural = _("openings of share links")

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H:%M} {self.address or ''}"
