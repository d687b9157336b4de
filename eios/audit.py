"""The security audit log: one door for writing it (regulation §5.6, §12.3; 152-ФЗ ст. 19).

Services record events through `audit_record()`; nothing else writes the table. The
table is append-only at the database level (see the migration's triggers), so even
an administrator with database access through the application cannot edit history.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    LOGIN = "login", _("login")
    LOGIN_FAILED = "login_failed", _("failed login")
    LOGIN_LOCKED = "login_locked", _("login locked after failed attempts")
    LOGIN_LOCK_ENDED = "login_lock_ended", _("login lock ended")
    LOGOUT = "logout", _("logout")
    BLOCK = "block", _("account blocked")
    UNBLOCK = "unblock", _("account unblocked")
    PASSWORD_CHANGE = "password_change", _("password changed")
    PASSWORD_RESET = "password_reset", _("password reset")
    CREDENTIALS_ISSUED = "credentials_issued", _("credentials issued")
    ORDER_APPLIED = "order_applied", _("order applied")
    TERMS_ACCEPTED = "terms_accepted", _("terms of use accepted")
    PRIVILEGE_GRANTED = "privilege_granted", _("privilege granted")
    PRIVILEGE_REVOKED = "privilege_revoked", _("privilege revoked")
    SESSIONS_ENDED = "sessions_ended", _("sessions ended")


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet):
    # The ORM refuses too, so the rule holds on SQLite installations as well.
    def update(self, **kwargs):
        raise AppendOnlyError("the audit log is append-only")

    def delete(self):
        raise AppendOnlyError("the audit log is append-only")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=40, choices=AuditKind.choices, db_index=True)
    # Users are never deleted (they are blocked), so history keeps pointing at them.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("whose account"),
    )
    # A login attempt for an unknown name has no subject: keep what was typed.
    subject_name = models.CharField(_("account name"), max_length=300, blank=True)
    target = models.CharField(_("object"), max_length=300, blank=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["subject", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only")


def client_address(request) -> str | None:
    """The visitor's address; behind a proxy the proxy must set REMOTE_ADDR (e.g. uWSGI/gunicorn
    with a trusted X-Forwarded-For handler), never a header the client controls."""
    return request.META.get("REMOTE_ADDR") if request is not None else None


def audit_record(
    kind: AuditKind,
    *,
    actor=None,
    subject=None,
    subject_name: str = "",
    target: str = "",
    request=None,
    **details,
) -> AuditEvent:
    """Append one security event. The only writer of the audit table."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        subject=subject,
        subject_name=subject_name or (subject.get_username() if subject is not None else ""),
        target=target[:300],
        address=client_address(request),
        details=details,
    )
