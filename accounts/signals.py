"""Routing of Django's and allauth's auth signals to the sign-in services, and of
saved terms of use to their cache.

Signals are used because every login path (allauth's pages, the Wagtail admin, the
Django admin) sends them; the rules themselves live in `services.signin`. Likewise a
terms version saved anywhere (admin, demo data, shell) must reach the cache.
"""

from allauth.account.signals import password_changed, password_reset, password_set
from django.contrib.auth.signals import user_logged_out, user_login_failed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import TermsVersion
from .selectors import account_for_login
from .services import signin, terms


# Connected in AccountsConfig.ready, in the place of Django's `update_last_login`.
def on_login(sender, request, user, **kwargs):
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


@receiver(post_save, sender=TermsVersion)
@receiver(post_delete, sender=TermsVersion)
def on_terms_changed(sender, **kwargs):
    # The version in force is cached: a new one must be asked for on the next request
    # (regulation §13.4), once it is committed (or a reader could cache the old one again).
    transaction.on_commit(terms.terms_cache_clear)
