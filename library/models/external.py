"""External subscription libraries (ЭБС, regulation §10.6) and the credentials the school
hands out for them, encrypted at rest (library/secrets.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.TextChoices):
    SELF = "self", _("users register themselves")
    ISSUED = "issued", _("the school hands out pre-registered credentials")


class ExternalLibrary(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    url = models.URLField(_("address"), max_length=500)
    starts_on = models.DateField(_("subscription from"), null=True, blank=True)
    ends_on = models.DateField(_("subscription until"), null=True, blank=True)
    registration = models.CharField(
        _("registration"), max_length=10, choices=Registration.choices, default=Registration.SELF
    )
    instructions = models.TextField(_("instructions"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("external library")
        verbose_name_plural = _("external libraries")

    def __str__(self) -> str:
        return self.name


class ExternalCredential(models.Model):
    """One pre-registered, depersonalised login of an external library: in the pool until
    assigned to a person; withdrawn (and to be returned to the provider) when the person
    is blocked."""

    library = models.ForeignKey(
        ExternalLibrary,
        on_delete=models.CASCADE,
        related_name="credentials",
        verbose_name=_("external library"),
    )
    # Fernet tokens (library/secrets.py), never the plain text.
    login_token = models.TextField(editable=False)
    password_token = models.TextField(editable=False)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="library_credentials",
        verbose_name=_("holder"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    return_to_provider = models.BooleanField(_("to be returned to the provider"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["library", "pk"]
        verbose_name = _("external library credential")
        verbose_name_plural = _("external library credentials")
        indexes = [models.Index(fields=["holder", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.library} #{self.pk}"

    @property
    def in_pool(self) -> bool:
        return self.holder_id is None and self.withdrawn_at is None
