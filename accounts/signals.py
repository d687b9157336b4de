"""Routing of Django's and allauth's auth signals to the sign-in services.

Signals are used because every login path (allauth's pages, the Wagtail admin, the
Django admin) sends them; the rules themselves live in `services.signin`.
"""

from allauth.account.signals import password_changed, password_reset, password_set
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .selectors import account_for_login
from .services import signin


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    if request is not None:
        signin.login_succeeded(request=request, user=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    login = credentials.get("username") or credentials.get("email") or ""
    # allauth's adapter passes the account it found; other callers of authenticate() do not.
    account = credentials["account"] if "account" in credentials else account_for_login(login)
    signin.login_failed(request=request, login=login, account=account)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    signin.logout_done(request=request, user=user)


@receiver(password_changed)
@receiver(password_set)
def on_password_changed(sender, request, user, **kwargs):
    signin.password_changed(request=request, user=user)


@receiver(password_reset)
def on_password_reset(sender, request, user, **kwargs):
    signin.password_changed(request=request, user=user, reset=True)
