from django.db import models
from django.utils.translation import gettext_lazy as _


class TermsVersion(models.Model):
    """A version of the rules of use of the environment (regulation §6.4, §13.4).

    The newest published version is the one every user must have accepted.
    """

    version = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(_("in force since"))

    class Meta:
        ordering = ["-published_at"]
        get_latest_by = "published_at"
        verbose_name = _("terms of use")
        verbose_name_plural = _("terms of use")

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"


class TermsAcceptance(models.Model):
    user = models.ForeignKey("User", on_delete=models.CASCADE, related_name="terms_acceptances")
    version = models.ForeignKey(TermsVersion, on_delete=models.PROTECT, related_name="acceptances")
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("acceptance of the terms")
        verbose_name_plural = _("acceptances of the terms")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="accept_terms_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.version}"
