"""The security audit log among the admin's Reports, for holders of its permission only;
serving pages and documents through the access module (eios/access/serving.py); moments
on inspect screens in the school's time zone."""

from django.db import models
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class

from .access.documents import OpenableDocumentLinkHandler
from .access.serving import replace_wagtail_checks
from .admin_views import AuditLogView, may_read_audit_log

replace_wagtail_checks()


class LocalDateTimeDisplay(BaseFieldDisplay):
    """A moment on an inspect screen, in the school's time zone (settings.TIME_ZONE) like
    on every other screen: Wagtail's default prints the stored UTC value as it is."""

    def render_html(self, parent_context=None):
        if self.value is None:
            return "—"
        return conditional_escape(formats.localize(timezone.localtime(self.value)))


register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)


@hooks.register("register_rich_text_features", order=1)
def register_openable_document_links(features):
    # After Wagtail's own document link type (order 0), which this one replaces.
    features.register_link_type(OpenableDocumentLinkHandler)


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


@hooks.register("register_cabinet_panel")
def jobs_panel():
    from .jobs import JOBS_PANEL

    return JOBS_PANEL
