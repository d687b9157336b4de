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

from accounts.credentials import ISSUE_PERMISSION, credentials_issue
from accounts.filters import PersonFilterSet
from accounts.models import Appointment, Block, BlockKind, ClassMembership, User
from accounts.names import name_order
from accounts.services.authority import may_act_on_account
from accounts.services.blocking import (
    BLOCK_PERMISSION,
    COMPROMISED,
    account_block,
    account_unblock,
    may_block,
    may_unblock,
    open_block_of,
)
from accounts.views.slips import slips_response
from eios.admin_texts import ReadableInspectMixin
from eios.models import School

# What people are found by, on this screen and in the person chooser.
NAME_FIELDS = ("last_name", "first_name", "patronymic", "username")
# The listing's sort key for «by full name»; `name_order` gives the expressions.
NAME_ORDERING = "name"


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
                sort_key=NAME_ORDERING,
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

    def order_queryset(self, queryset):
        # By name as a register lists people (accounts/names.py), not by the bytes.
        if self.ordering in {NAME_ORDERING, f"-{NAME_ORDERING}"}:
            descending = self.ordering.startswith("-")
            return queryset.order_by(*name_order(descending=descending))
        return super().order_queryset(queryset)


class PersonInspectView(ReadableInspectMixin, InspectView):
    permission_policy = people_policy
    any_permission_required = ["change", "view"]
    template_name = "accounts/admin/person_inspect.html"
    url_name_prefix = None

    def get_object(self, queryset=None):
        return get_object_or_404(people_queryset(), pk=self.pk)

    def get_page_subtitle(self):
        return full_name(self.object)

    def actions(self, person) -> list[tuple[str, str, str]]:
        """The buttons (address, label, icon) of what this reader may do to this person."""
        offered = [
            PersonCredentialsView,
            PersonBlockView if person.is_active else PersonUnblockView,
        ]
        return [
            (
                reverse(f"{self.url_name_prefix}:{view.url_name}", args=[person.pk]),
                view.page_title,
                view.header_icon,
            )
            for view in offered
            if view.allowed(self.request.user, person)
        ]

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
            actions=self.actions(person),
            # «What can this person do?» (accounts/access_admin/) opens to the same readers.
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


def may_open_people(user) -> bool:
    """The People list's own permission: screens reached from it by id ask it too."""
    return people_policy.user_has_any_permission(user, {"change", "view"})


class PersonActionView(WagtailAdminTemplateMixin, FormView):
    """One action on one account, opened from the person's page: only for those who may
    read People, hold the action's permission and rank at least as high as the person
    (accounts/services/authority.py)."""

    header_icon = "lock"
    index_url_name = None
    inspect_url_name = None

    @staticmethod
    def allowed(actor, person) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not may_open_people(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(User, pk=kwargs["pk"])
        if not self.allowed(request.user, self.person):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
        context.update(person=self.person, cancel_url=self.inspect_url)
        return context

    def form_invalid(self, form):
        messages.error(self.request, gettext("The account was not changed."))
        return super().form_invalid(form)

    def credentials_letter(self, issued):
        """The one-time password on paper for its owner (regulation §9.7)."""
        person = people_queryset().get(pk=self.person.pk)
        return slips_response(
            self.request,
            school=School.for_request(self.request),
            heading=positions_text(person) or class_text(person),
            issued=issued,
            filename=f"credentials-{self.person.pk}.pdf",
        )


def may_block_by_hand(actor, person) -> bool:
    # Blocking one's own account (§12.2) is offered in the cabinet, to everyone.
    return actor.has_perm(BLOCK_PERMISSION) and may_block(actor, person)


class PersonBlockView(PersonActionView):
    """Block one account, for a stated reason."""

    template_name = "accounts/admin/person_block.html"
    form_class = ReasonForm
    page_title = _("Block the account")
    url_name = "block"
    allowed = staticmethod(may_block_by_hand)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "unblocking": False}

    def form_valid(self, form):
        try:
            account_block(
                user=self.person,
                kind=BlockKind.ADMINISTRATOR,
                reason=form.cleaned_data["reason"],
                actor=self.request.user,
                request=self.request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        text = gettext("The account of %(name)s is blocked; every session of it has ended.")
        messages.success(self.request, text % {"name": full_name(self.person)})
        return redirect(self.inspect_url)


class PersonUnblockView(PersonActionView):
    """Lift the block in force, for a stated reason; a block for a compromised password
    (§12.2) is lifted with a new one-time password, printed at once."""

    template_name = "accounts/admin/person_block.html"
    form_class = ReasonForm
    page_title = _("Unblock the account")
    url_name = "unblock"
    header_icon = "lock-open"
    allowed = staticmethod(may_unblock)

    def get_context_data(self, **kwargs):
        block = open_block_of(self.person)
        return {
            **super().get_context_data(**kwargs),
            "unblocking": True,
            "new_credentials": block is not None and block.kind in COMPROMISED,
        }

    def form_valid(self, form):
        try:
            unblocking = account_unblock(
                user=self.person,
                reason=form.cleaned_data["reason"],
                actor=self.request.user,
                request=self.request,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        if unblocking.credential is not None:
            return self.credentials_letter([unblocking.credential])
        text = gettext("The account of %(name)s is unblocked.")
        messages.success(self.request, text % {"name": full_name(self.person)})
        return redirect(self.inspect_url)


def may_issue_to(actor, person) -> bool:
    return (
        person.is_active and actor.has_perm(ISSUE_PERMISSION) and may_act_on_account(actor, person)
    )


class PersonCredentialsView(PersonActionView):
    """New credentials for one person — a member of staff hired by order (regulation
    §6.6), or anyone who lost their password: a printed letter with a one-time password
    that must be changed at the first login; no e-mail address is needed."""

    template_name = "accounts/admin/person_credentials.html"
    form_class = forms.Form
    page_title = _("Issue credentials")
    url_name = "credentials"
    header_icon = "key"
    allowed = staticmethod(may_issue_to)

    def form_valid(self, form):
        issued = credentials_issue(
            users=[self.person], actor=self.request.user, request=self.request
        )
        return self.credentials_letter(issued)


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
    ordering = NAME_ORDERING
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
        return super().get_inspect_view_kwargs(url_name_prefix=self.name, **kwargs)

    def action_view(self, view_class):
        return self.construct_view(view_class, inspect_url_name=self.get_url_name("inspect"))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            *(
                path(f"<int:pk>/{view.url_name}/", self.action_view(view), name=view.url_name)
                for view in (PersonBlockView, PersonUnblockView, PersonCredentialsView)
            ),
        ]

    def get_permissions_to_register(self):
        # Wagtail's own Users viewset already offers the permissions of the user model.
        return Permission.objects.none()

    def register_admin_url_finder(self):
        # Links to a user elsewhere in the admin keep going to Wagtail's user editor.
        return None
