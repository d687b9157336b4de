"""«What can this person do?» (regulation §5.6): their grants, their positions' grants,
what they hold by their post, and whether a position lets them see everything."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from eios.access import holdings_of

from ..admin_views.people import full_name, people_policy
from ..selectors import positions_of
from .rows import held_by_post_rows, holding_rows, positions_by_group

User = get_user_model()


def may_read_holdings(user) -> bool:
    """Whoever may look people up in People may see what they can do (`accounts.view_user`;
    the user model has no narrower permission, and superusers hold every one)."""
    return people_policy.user_has_permission(user, "view")


class PersonAccessView(WagtailAdminTemplateMixin, TemplateView):
    """What one person can do: their grants, their positions' grants, their positions."""

    template_name = "accounts/access/person.html"
    header_icon = "lock"
    page_title = _("What can this person do?")

    def dispatch(self, request, *args, **kwargs):
        # 404 rather than 403, as for elements: no hint which accounts exist.
        if not may_read_holdings(request.user):
            raise Http404
        self.person = get_object_or_404(User, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return full_name(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("people:index"), "label": gettext("People")},
            {
                "url": reverse("people:inspect", args=[self.person.pk]),
                "label": self.get_page_subtitle(),
            },
            {"url": "", "label": gettext("Access")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        holdings = holdings_of(self.person)
        positions = positions_by_group(holding.group for holding in holdings["positions"])
        current_positions = list(positions_of(self.person))
        context.update(
            person=self.person,
            personal=holding_rows(holdings["personal"], positions),
            via_positions=holding_rows(holdings["positions"], positions),
            by_post=held_by_post_rows(self.person),
            current_positions=current_positions,
            sees_everything=any(position.sees_everything for position in current_positions),
        )
        return context
