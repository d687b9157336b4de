"""«Orders»: the director's orders (regulation §6.5–§6.7) are drafted here line by line,
checked and applied. Applying is `order_apply`; an applied order is a record and the
admin neither edits nor deletes it (the model refuses as well).
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import (
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem

from accounts.filters import OrderFilterSet
from accounts.models import Order
from accounts.services.orders import order_apply, order_problems
from eios.admin_texts import ItemsPanel, ModelSentences, ReadableInspectMixin, SentencesViewSetMixin


def state_text(order) -> str:
    return gettext("applied") if order.is_applied else gettext("draft")


def order_lines(order):
    return order.lines.select_related("person", "school_class", "position", "position_left")


class OrderIndexView(IndexView):
    apply_url_name = None

    def get_base_queryset(self):
        return Order.objects.annotate(line_count=Count("lines"))

    # An applied order is a record: the listing offers to read it, not to change it.
    def get_edit_url(self, instance):
        return None if instance.is_applied else super().get_edit_url(instance)

    def get_delete_url(self, instance):
        return None if instance.is_applied else super().get_delete_url(instance)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_applied and self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    gettext("Apply"),
                    url=reverse(self.apply_url_name, args=[instance.pk]),
                    icon_name="check",
                    priority=25,
                )
            )
        return buttons


class AppliedOrderRefusedMixin:
    """Send a request to change an applied order to the order's page instead."""

    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        order = Order.objects.filter(pk=unquote(str(kwargs["pk"]))).first()
        if order is not None and order.is_applied:
            messages.error(
                request,
                gettext("An applied order cannot be changed; correct a mistake with a new order."),
            )
            return redirect(self.inspect_url_name, order.pk)
        return super().dispatch(request, *args, **kwargs)


class OrderEditView(AppliedOrderRefusedMixin, EditView):
    pass


class OrderDeleteView(AppliedOrderRefusedMixin, DeleteView):
    # DeleteView loads the object in setup(); the refusal comes before any deleting.
    pass


class OrderInspectView(ReadableInspectMixin, InspectView):
    template_name = "accounts/admin/order_inspect.html"
    apply_url_name = None

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        # A draft is not signed or applied yet: a dash, not «None» or an empty line.
        return "—" if value is None or value == "" else value

    def get_edit_url(self):
        return None if self.object.is_applied else super().get_edit_url()

    def get_delete_url(self):
        return None if self.object.is_applied else super().get_delete_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.object
        context["lines"] = order_lines(order)
        context["state"] = state_text(order)
        if not order.is_applied and self.user_has_permission("change"):
            context["apply_url"] = reverse(self.apply_url_name, args=[order.pk])
        return context


class OrderApplyView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: what the order will do and what stops it; POST: apply it (§6.5–§6.7)."""

    model = Order
    permission_required = "change"
    template_name = "accounts/admin/order_apply.html"
    header_icon = "doc-full"
    index_url_name = None
    inspect_url_name = None

    @cached_property
    def order(self):
        return get_object_or_404(Order, pk=self.kwargs["pk"])

    def get_page_title(self):
        return gettext("Apply the order")

    def get_page_subtitle(self):
        return str(self.order)

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.order.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": gettext("Orders")},
            {"url": self.inspect_url, "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            order=self.order,
            lines=order_lines(self.order),
            problems=order_problems(self.order),
            cancel_url=self.inspect_url,
        )
        return context

    def get(self, request, *args, **kwargs):
        if self.order.is_applied:
            messages.warning(request, gettext("The order has already been applied."))
            return redirect(self.inspect_url)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            order_apply(order=self.order, actor=request.user, request=request)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            self.order.refresh_from_db()
            return self.render_to_response(self.get_context_data())
        messages.success(request, gettext("%(order)s is applied.") % {"order": self.order})
        return redirect(self.inspect_url)


LINE_PANELS = [
    FieldPanel("person"),
    FieldRowPanel(
        [FieldPanel("last_name"), FieldPanel("first_name"), FieldPanel("patronymic")],
        heading=_("New person"),
    ),
    FieldPanel("birth_date"),
    FieldPanel("namesake"),
    FieldPanel("school_class"),
    FieldRowPanel([FieldPanel("position"), FieldPanel("position_left")]),
]


class OrderViewSet(SentencesViewSetMixin, ModelViewSet):
    model = Order
    sentences = ModelSentences(
        add=_("Add an order"),
        new=_("New order"),
        created=_("Order '%(object)s' created."),
        updated=_("Order '%(object)s' updated."),
        deleted=_("Order '%(object)s' deleted."),
        delete_question=_("Are you sure you want to delete this order?"),
    )
    name = "orders"
    icon = "doc-full"
    menu_label = _("Orders")
    menu_order = 200
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OrderIndexView
    edit_view_class = OrderEditView
    delete_view_class = OrderDeleteView
    inspect_view_class = OrderInspectView
    inspect_view_fields = [
        "school",
        "number",
        "date",
        "signatory_name",
        "signatory_position",
        "kind",
        "title",
        "created_at",
        "applied_at",
        "applied_by",
    ]
    filterset_class = OrderFilterSet
    search_fields = ["number", "title"]
    list_display = [
        "number",
        "date",
        "kind",
        Column("line_count", label=_("Lines"), sort_key="line_count"),
        StatusTagColumn(
            "state",
            label=pgettext_lazy("of an order", "State"),
            accessor=state_text,
            primary=lambda order: not order.is_applied,
            sort_key="applied_at",
        ),
    ]
    panels = [
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("date"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_position")]),
        FieldPanel("title"),
        ItemsPanel(
            "lines",
            label=_("line"),
            add_label=_("Add a line"),
            heading=_("People named by the order"),
            panels=LINE_PANELS,
        ),
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(apply_url_name=self.get_url_name("apply"), **kwargs)

    @property
    def apply_view(self):
        return self.construct_view(OrderApplyView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("apply/<int:pk>/", self.apply_view, name="apply"),
        ]
