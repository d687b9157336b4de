from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from .selfcheck import sveden_audit_run


class SvedenAuditView(WagtailAdminTemplateMixin, TemplateView):
    """The robot's verdict on «Сведения», for editors, per subsection (issue: self-audit)."""

    page_title = _("Check of «Сведения об образовательной организации»")
    header_icon = "list-ul"
    template_name = "sveden/admin/audit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        context["site"] = site
        context["report"] = sveden_audit_run(site=site)
        return context
