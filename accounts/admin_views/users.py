"""Wagtail's own Users screen, kept for logins, contact data and two-factor settings, but
without the ways around orders, blocking and the credentials service.

Deleting a person would destroy the history the regulation keeps (§6.7), and switching
«active» off there would block without a reason, a record or the end of the person's
sessions: both go through People and orders. A password typed here is a one-time
password like a printed one (`credentials_set`: changed at first login, audited).
Nobody edits an account that holds more than they do, and only the superuser makes
administrators or changes groups, which positions otherwise give by order (§5.3).
"""

from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions import DeleteBulkAction, SetActiveStateBulkAction
from wagtail.users.views.users import CreateView, EditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.credentials import credentials_set
from accounts.services.authority import may_act_on_account
from accounts.services.sessions import sessions_after_password_change


class AccountFormMixin:
    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_active", None)
        if actor is None or not actor.is_superuser:
            self.fields.pop("is_superuser", None)
            self.fields.pop("groups", None)

    def save(self, commit=True):
        # The view hands the typed password to the credentials service once the account
        # is saved; the form itself stores none.
        self.typed_password = self.cleaned_data.get("password1") or ""
        self.cleaned_data["password1"] = ""
        return super().save(commit)


class AccountCreationForm(AccountFormMixin, UserCreationForm):
    pass


class AccountEditForm(AccountFormMixin, UserEditForm):
    pass


class AccountViewMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def save_instance(self):
        instance = super().save_instance()
        if self.form.typed_password:
            credentials_set(
                user=instance,
                password=self.form.typed_password,
                actor=self.request.user,
                request=self.request,
            )
            if instance.pk == self.request.user.pk:
                update_session_auth_hash(self.request, instance)
                sessions_after_password_change(request=self.request, user=instance)
        return instance


class AccountCreateView(AccountViewMixin, CreateView):
    pass


class AccountEditView(AccountViewMixin, EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_act_on_account(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(WagtailUserViewSet):
    add_view_class = AccountCreateView
    edit_view_class = AccountEditView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(delete_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if getattr(pattern, "name", None) != "delete"
        ]


class RefusedDeleteBulkAction(DeleteBulkAction):
    def check_perm(self, obj):
        return False


class RefusedSetActiveStateBulkAction(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return False
