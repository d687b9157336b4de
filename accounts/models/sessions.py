from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    """A signed-in session of a person, whatever the session back-end.

    Django's cache and Redis session stores cannot be searched by user; this index can,
    so blocking or "log out everywhere" ends every session at once (regulation §6.7).
    """

    user = models.ForeignKey("User", on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=64, unique=True)
    # Not auto_now_add: a session whose key Django cycles (password change) is indexed
    # anew and keeps the time it signed in.
    started_at = models.DateTimeField(_("signed in at"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.user} @ {self.address}"
