"""allauth's login and password-reset forms, the school's way (see ACCOUNT_FORMS)."""

from allauth.account import forms as allauth_forms
from allauth.account.adapter import get_adapter
from django.utils.translation import gettext_lazy as _

from .selectors import accounts_with_address


class LoginForm(allauth_forms.LoginForm):
    """Most people log in by the login on their slip: the field says so, and browsers
    offer the saved login for it (autocomplete «username»), not an e-mail address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("Login or e-mail")
        field.widget.attrs.update(placeholder=field.label, autocomplete="username")


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    """Reset links go to an address only for the active accounts whose owner confirmed it
    (an address someone merely added is nobody's yet; a blocked account gets new
    credentials from the administrator with its unblocking, regulation §12.2)."""

    def clean_email(self):
        email = get_adapter().clean_email(self.cleaned_data["email"].lower())
        self.users = accounts_with_address(email)
        return self.cleaned_data["email"]


class UserTokenForm(allauth_forms.UserTokenForm):
    """The link of a reset mail opens nothing for an account blocked since (§12.2)."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.reset_user.is_active:
            raise get_adapter().validation_error("invalid_password_reset")
        return cleaned_data
