"""«People»: everyone of the school with their positions, class and whether they may log in.

People come from orders (regulation §6.5) and are blocked, never deleted (§6.7): the
screen has no add, edit or delete view; its actions are blocking and unblocking with
a stated reason, which the services record in the block history and the audit log.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.filters import PersonFilterSet
from accounts.models import Appointment, Block, BlockKind, ClassMembership, User
from accounts.services.blocking import account_block, account_unblock
from eios.admin_texts import ReadableInspectMixin

BLOCK_PERMISSION = "accounts.block_user"
# What people are found by, on this screen and in the person chooser.
NAME_FIELDS = ("last_name", "first_name", "patronymic", "username")


class PeoplePermissionPolicy(ModelPermissionPolicy):
    """Nobody adds or deletes a person here: orders register people, blocking retires them."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete"}:
            return False
        return super().user_has_permission(user, action)


people_policy = PeoplePermissionPolicy(User)


def people_queryset():
    """People with their current positions and class: three queries for any number."""
    appointments = (
        Appointment.objects.filter(ended_on__isnull=True)
        .select_related("position")
        .order_by("position__sort_order", "position__name")
    )
    memberships = ClassMembership.objects.filter(ended_on__isnull=True).select_related(
        "school_class"
    )
    return User.objects.prefetch_related(
        Prefetch("appointments", queryset=appointments, to_attr="current_appointments"),
        Prefetch("memberships", queryset=memberships, to_attr="current_memberships"),
    )


def full_name(user) -> str:
    return user.get_full_name() or user.get_username()


def positions_text(user) -> str:
    return ", ".join(a.position.name for a in user.current_appointments)


def class_text(user) -> str:
    return ", ".join(str(m.school_class) for m in user.current_memberships)


def status_text(user) -> str:
    return gettext("active") if user.is_active else gettext("blocked")


class PeopleIndexView(IndexView):
    permission_policy = people_policy
    any_permission_required = ["change", "view"]
    page_title = _("People")

    def get_base_queryset(self):
        return people_queryset()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "full_name",
                label=_("Full name"),
                accessor=full_name,
                get_url=self.get_inspect_url,
                sort_key="last_name",
            ),
            Column("username", label=_("Login"), sort_key="username"),
            Column("positions", label=_("Positions"), accessor=positions_text),
            Column("school_class", label=_("Class"), accessor=class_text),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=status_text,
                primary=lambda user: not user.is_active,
                sort_key="is_active",
            ),
        ]

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "last_name"]


class PersonInspectView(ReadableInspectMixin, InspectView):
    permission_policy = people_policy
    any_permission_required = ["change", "view"]
    template_name = "accounts/admin/person_inspect.html"
    block_url_name = None
    unblock_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(people_queryset(), pk=self.pk)

    def get_page_subtitle(self):
        return full_name(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context.update(
            person=person,
            positions=positions_text(person),
            school_class=class_text(person),
            status=status_text(person),
            blocks=Block.objects.filter(user=person).select_related(
                "order", "blocked_by", "lifted_by", "lift_order"
            ),
            may_block=self.request.user.has_perm(BLOCK_PERMISSION),
            block_url=reverse(self.block_url_name, args=[person.pk]),
            unblock_url=reverse(self.unblock_url_name, args=[person.pk]),
            # «What can this person do?» (eios/access_admin/) opens to the same readers.
            access_url=(
                reverse("eios_access_person", args=[person.pk])
                if people_policy.user_has_permission(self.request.user, "view")
                else None
            ),
        )
        return context


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the block history and in the audit log."),
    )


class PersonBlockView(WagtailAdminTemplateMixin, FormView):
    """Block (or, with `unblocking`, unblock) one account, for a stated reason."""

    template_name = "accounts/admin/person_block.html"
    form_class = ReasonForm
    header_icon = "lock"
    index_url_name = None
    inspect_url_name = None
    unblocking = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(BLOCK_PERMISSION):
            raise PermissionDenied
        self.person = get_object_or_404(User, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        if self.unblocking:
            return gettext("Unblock the account")
        return gettext("Block the account")

    def get_page_subtitle(self):
        return full_name(self.person)

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.person.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": gettext("People")},
            {"url": self.inspect_url, "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.person, unblocking=self.unblocking, cancel_url=self.inspect_url)
        return context

    def form_valid(self, form):
        reason = form.cleaned_data["reason"]
        common = {"user": self.person, "reason": reason, "actor": self.request.user}
        try:
            if self.unblocking:
                account_unblock(request=self.request, **common)
            else:
                account_block(kind=BlockKind.ADMINISTRATOR, request=self.request, **common)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        if self.unblocking:
            text = gettext("The account of %(name)s is unblocked.")
        else:
            text = gettext("The account of %(name)s is blocked; every session of it has ended.")
        messages.success(self.request, text % {"name": full_name(self.person)})
        return redirect(self.inspect_url)

    def form_invalid(self, form):
        messages.error(self.request, gettext("The account was not changed."))
        return super().form_invalid(form)


class PeopleViewSet(ModelViewSet):
    model = User
    name = "people"
    icon = "user"
    menu_label = _("People")
    menu_order = 100
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = PeopleIndexView
    inspect_view_class = PersonInspectView
    # Never the password hash, nor the flags of Django's own user model.
    inspect_view_fields = [
        "username",
        "last_name",
        "first_name",
        "patronymic",
        "birth_date",
        "email",
        "phone",
    ]
    filterset_class = PersonFilterSet
    search_fields = list(NAME_FIELDS)
    ordering = ["last_name", "first_name", "patronymic", "pk"]
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, history or usage views: see the module docstring.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            block_url_name=self.get_url_name("block"),
            unblock_url_name=self.get_url_name("unblock"),
            **kwargs,
        )

    def block_view_for(self, unblocking: bool):
        return self.construct_view(
            PersonBlockView,
            inspect_url_name=self.get_url_name("inspect"),
            unblocking=unblocking,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/block/", self.block_view_for(False), name="block"),
            path("<int:pk>/unblock/", self.block_view_for(True), name="unblock"),
        ]

    def get_permissions_to_register(self):
        # Wagtail's own Users viewset already offers the permissions of the user model.
        return Permission.objects.none()

    def register_admin_url_finder(self):
        # Links to a user elsewhere in the admin keep going to Wagtail's user editor.
        return None
