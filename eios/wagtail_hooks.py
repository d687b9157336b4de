"""The security audit log among the admin's Reports, for holders of its permission only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import AuditLogView, may_read_audit_log


@hooks.register("register_admin_urls")
def register_audit_log_urls():
    return [
        path("audit-log/", AuditLogView.as_view(), name="audit_log"),
        path(
            "audit-log/results/",
            AuditLogView.as_view(results_only=True),
            name="audit_log_results",
        ),
    ]


class AuditLogMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_audit_log(request.user)


@hooks.register("register_reports_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(_("Audit log"), reverse("audit_log"), icon_name="list-ul", order=60)
