"""«Who holds what on this element», with granting and revoking (regulation §5.5).

The screen opens only to the element's administrators and answers everyone else as a
missing element does (404).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import register_converter, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from eios.access import (
    Action,
    GrantRefused,
    can,
    element_access_url,
    element_for,
    grant,
    revoke,
)
from eios.access.registry import ELEMENTS

from ..admin_views.chooser import person_chooser_viewset
from ..models import Position
from .rows import (
    admitting_positions,
    holder_rows,
    position_text,
    positions_by_group,
    post_rows,
)

User = get_user_model()


class ElementLabelConverter:
    """`app_label.model` in an address, as `ELEMENTS` names the kinds of element."""

    regex = r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ElementLabelConverter, "element_label")


def administered_element(user, label: str, pk: int):
    """The element if `user` administers it; otherwise the 404 of a missing one."""
    element = ELEMENTS.get(label)
    if element is None:
        raise Http404
    # Pages are loaded as `Page`, the model grants on pages are kept for.
    obj = element.model._default_manager.filter(pk=pk).first()
    if obj is None or not can(user, Action.ADMINISTER, obj):
        raise Http404
    return obj


class GrantForm(forms.Form):
    action = forms.TypedChoiceField(label=_("Privilege"), choices=Action.choices, coerce=Action)
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=User.objects.all(),
        required=False,
        widget=person_chooser_viewset.widget_class(),
    )
    position = forms.ModelChoiceField(
        label=_("or position"),
        # A position is granted through its group; one without a group has nothing to hold it.
        queryset=Position.objects.filter(group__isnull=False).select_related("group"),
        required=False,
        help_text=_("Everyone holding the position gets the privilege, now and later."),
    )

    def __init__(self, *args, actions=tuple(Action), **kwargs):
        super().__init__(*args, **kwargs)
        # Only what can be granted on this kind of element: editing pages and documents
        # comes from Wagtail's own permissions of positions, not from grants.
        self.fields["action"].choices = [(action.value, action.label) for action in actions]

    def clean(self):
        data = super().clean()
        person, position = data.get("person"), data.get("position")
        if person is None and position is None and not self.errors:
            raise ValidationError(_("Choose a person or a position."))
        if person is not None and position is not None:
            raise ValidationError(_("Choose either a person or a position, not both."))
        return data

    def holder(self) -> dict:
        """The keyword `grant` takes: the person, or the position's group."""
        person = self.cleaned_data["person"]
        return {"user": person} if person else {"group": self.cleaned_data["position"].group}


class RevokeForm(forms.Form):
    """What one «Revoke» button of the element's screen sends."""

    action = forms.TypedChoiceField(choices=Action.choices, coerce=Action)
    user = forms.ModelChoiceField(queryset=User.objects.all(), required=False)
    group = forms.ModelChoiceField(queryset=Group.objects.all(), required=False)

    def clean(self):
        data = super().clean()
        if (data.get("user") is None) == (data.get("group") is None):
            raise ValidationError(_("Choose a person or a position."))
        return data

    def holder(self) -> dict:
        user = self.cleaned_data["user"]
        return {"user": user} if user else {"group": self.cleaned_data["group"]}


def holder_text(holder: dict) -> str:
    if "user" in holder:
        return holder["user"].get_label()
    position = positions_by_group([holder["group"]]).get(holder["group"].pk)
    return position_text(position) if position else holder["group"].name


class ElementAccessView(WagtailAdminTemplateMixin, FormView):
    """Who holds what on one element; grant to a person or a position."""

    template_name = "accounts/access/element.html"
    form_class = GrantForm
    header_icon = "lock"
    page_title = _("Access")

    def dispatch(self, request, *args, **kwargs):
        self.obj = administered_element(request.user, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actions": element_for(self.obj).grantable}

    @cached_property
    def shown(self):
        return self.obj.specific if isinstance(self.obj, Page) else self.obj

    def get_page_subtitle(self):
        return str(self.shown)

    @cached_property
    def edit_url(self):
        return AdminURLFinder(self.request.user).get_edit_url(self.shown)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.edit_url or "", "label": self.get_page_subtitle()},
            {"url": "", "label": gettext("Access")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        element = element_for(self.obj)
        context.update(
            element=self.shown,
            element_kind=element.kind_name,
            closure=element.restriction_of(self.obj).closure,
            is_page=isinstance(self.obj, Page),
            edit_url=self.edit_url,
            holders=holder_rows(self.obj),
            by_post=post_rows(self.obj),
            positions=admitting_positions(self.obj),
            revoke_url=reverse("eios_access_revoke", args=[element.label, self.obj.pk]),
        )
        return context

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        holder = form.holder()
        try:
            created = grant(
                actor=self.request.user,
                action=action,
                obj=self.obj,
                request=self.request,
                **holder,
            )
        except GrantRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        names = {"action": action.label, "holder": holder_text(holder)}
        if created:
            messages.success(self.request, gettext("Granted «%(action)s» to %(holder)s.") % names)
        else:
            messages.info(
                self.request,
                gettext("%(holder)s already held «%(action)s»; nothing was changed.") % names,
            )
        return redirect(element_access_url(self.obj))

    def form_invalid(self, form):
        messages.error(self.request, gettext("Nothing was granted."))
        return super().form_invalid(form)


class ElementRevokeView(View):
    """The «Revoke» button of one holding on the element's screen."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        obj = administered_element(request.user, **kwargs)
        form = RevokeForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Nothing was revoked."))
            return redirect(element_access_url(obj))
        action, holder = form.cleaned_data["action"], form.holder()
        try:
            revoked = revoke(actor=request.user, action=action, obj=obj, request=request, **holder)
        except GrantRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(element_access_url(obj))
        names = {"action": action.label, "holder": holder_text(holder)}
        if revoked:
            messages.success(request, gettext("Revoked «%(action)s» from %(holder)s.") % names)
        else:
            messages.info(request, gettext("%(holder)s did not hold «%(action)s».") % names)
        # Whoever revoked their own administration no longer sees the screen.
        if not can(request.user, Action.ADMINISTER, obj):
            return redirect("wagtailadmin_home")
        return redirect(element_access_url(obj))
