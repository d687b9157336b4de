"""Checks on every signed-in request, in order: the session is still within its idle
and absolute limits; a one-time password is replaced first (ASVS 6.4.1); the current
terms of use are accepted (regulation §6.4). Costs no query on the common path."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .services.sessions import session_expired, session_touch
from .services.terms import terms_pending

# Paths a user in the middle of a check may still open: the check's own pages,
# logging out, and what pages need to render.
OPEN_PREFIXES = ("/static/", "/media/", "/jsi18n/", "/lang/", "/favicon")


class AccountChecksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            response = self._check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, user):
        if session_expired(request):
            logout(request)
            messages.info(request, _("Your session has ended. Please log in again."))
            return redirect(f"{reverse('account_login')}?next={request.path}")
        session_touch(request)
        path = request.path
        if path.startswith(OPEN_PREFIXES) or path == reverse("account_logout"):
            return None
        if user.must_change_password:
            target = reverse("account_change_password")
            return None if path == target else redirect(target)
        if path == reverse("terms_accept"):
            return None
        if terms_pending(request) is not None:
            return redirect(f"{reverse('terms_accept')}?next={request.path}")
        return None
