from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.db import transaction
from django.shortcuts import resolve_url

from accounts.selectors import account_for_login, address_taken
from accounts.services.throttle import login_attempt_admit, login_attempt_failed


class AccountAdapter(DefaultAccountAdapter):
    """allauth, the school's way: no self-service sign-up (accounts come from orders,
    regulation §6.5); password guessing stopped per account; an address belongs to the
    account whose owner confirmed it first."""

    def is_open_for_signup(self, request):
        return False

    def authenticate(self, request, **credentials):
        """allauth's login, with our per-account throttle in place of its rate limits
        (`services.throttle`). A blocked account answers a right and a wrong password
        alike, with the blocked-account page, after the same work (one hash)."""
        login = credentials.get("username") or credentials.get("email") or ""
        account = account_for_login(login)
        login_attempt_admit(request=request, login=login, account=account)
        user = authenticate(request, account=account, **credentials)
        if user is None:
            login_attempt_failed(request=request, login=login, account=account)
            if account is not None and not account.is_active:
                return account  # allauth's pre_login answers with the blocked page
        return user

    def login(self, request, user):
        """What a login writes (the session's index, the audit event, the last login) in
        one transaction: one commit instead of three on the busiest write of a morning."""
        with transaction.atomic():
            super().login(request, user)

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # No «Successfully signed in as …» after a login: the cabinet it lands on greets
        # the person by name and shows their previous login, and the message (rendered,
        # then signed into a cookie) cost more than a millisecond of every login in the
        # morning rush (benchmarks/README.md).
        if message_template == "account/messages/logged_in.txt":
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def get_password_change_redirect_url(self, request):
        # On to the cabinet (through the rules of use when they are pending), not back to
        # the form: a first login ends where the pupil works.
        return resolve_url(settings.LOGIN_REDIRECT_URL)

    def can_delete_email(self, email_address):
        """Removing the account's address must not leave an unconfirmed one in its place
        (allauth falls back to another address of the account, confirmed or not)."""
        user = email_address.user
        if email_address.pk and email_address.email == user.email.lower():
            others = EmailAddress.objects.filter(user_id=user.pk).exclude(pk=email_address.pk)
            if others.exists() and not others.filter(verified=True).exists():
                return False
        return super().can_delete_email(email_address)

    def confirm_email(self, request, email_address):
        """An address another account uses (the administrator set it, or its owner
        confirmed it) is not taken over by confirming it for a second account."""
        if address_taken(email_address.email, besides=email_address.user_id):
            self.add_message(
                request,
                messages.ERROR,
                "account/messages/email_confirmation_failed.txt",
                {"email": email_address.email},
            )
            return False
        return super().confirm_email(request, email_address)
