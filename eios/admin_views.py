"""The security audit log in the admin's Reports (regulation §5.6, §12.3; 152-ФЗ ст. 19).

Read-only by construction: a report has no add, edit or delete views, and the model
refuses changes anyway. Only holders of the audit model's own «view» permission
(`eios.view_auditevent`) may read it.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

from .audit import AuditEvent, AuditKind

PERMISSION = "eios.view_auditevent"


def may_read_audit_log(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class AuditEventFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Event"), choices=AuditKind.choices, empty_label=_("any")
    )
    at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    subject = django_filters.CharFilter(label=_("Account name"), method="filter_subject")
    address = django_filters.CharFilter(label=_("Address"), lookup_expr="startswith")

    class Meta:
        model = AuditEvent
        fields = []

    def filter_subject(self, queryset, name, value):
        # The typed name of a failed login has no account; the name is kept instead.
        value = value.strip()
        return queryset.filter(
            Q(subject_name__icontains=value) | Q(subject__username__icontains=value)
        )


def person_text(user) -> str:
    return user.get_label() if user is not None else ""


def subject_text(event) -> str:
    return person_text(event.subject) if event.subject_id else event.subject_name


def local_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


class AuditLogView(ReportView):
    page_title = _("Audit log")
    header_icon = "list-ul"
    index_url_name = "audit_log"
    index_results_url_name = "audit_log_results"
    filterset_class = AuditEventFilterSet
    paginate_by = 50
    verbose_name_plural = _("audit events")
    columns = [
        Column("at", label=_("Time"), accessor=lambda event: local_time(event.at)),
        Column("kind", label=_("Event"), accessor="get_kind_display"),
        Column("actor", label=_("Who"), accessor=lambda event: person_text(event.actor)),
        Column("subject", label=_("Whose account"), accessor=subject_text),
        Column("target", label=_("Object")),
        Column("address", label=_("Address")),
    ]
    list_export = ["at", "kind", "actor", "subject", "target", "address"]
    export_headings = {
        "at": _("Time"),
        "kind": _("Event"),
        "actor": _("Who"),
        "subject": _("Whose account"),
        "target": _("Object"),
        "address": _("Address"),
    }

    # Every CSV cell is defused by eios/exports.py, the writer of all our CSV files.
    custom_field_preprocess = {
        "at": {
            SpreadsheetExportMixin.FORMAT_CSV: local_time,
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: timezone.make_naive(
                timezone.localtime(value)
            ),
        }
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"audit-log-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return AuditEvent.objects.select_related("actor", "subject").order_by("-at", "-pk")

    def to_row_dict(self, item):
        return {
            "at": item.at,
            "kind": item.get_kind_display(),
            "actor": person_text(item.actor),
            "subject": subject_text(item),
            "target": item.target,
            "address": item.address or "",
        }
