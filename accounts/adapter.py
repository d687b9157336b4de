from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.services.signin import login_locked

LOCKED = "too_many_login_attempts"


class AccountAdapter(DefaultAccountAdapter):
    """allauth, the school's way: no self-service sign-up (accounts come from orders,
    regulation §6.5), and the per-account lock after failed logins is audited and
    explained."""

    def is_open_for_signup(self, request):
        return False

    def validation_error(self, code, *args):
        if code == LOCKED:
            return ValidationError(
                _(
                    "Too many failed login attempts for this account: logging in is paused "
                    "for %(minutes)d minutes. If it was not you, tell your class teacher or "
                    "the system administrator."
                )
                % {"minutes": settings.LOGIN_LOCK_MINUTES},
                code=code,
            )
        return super().validation_error(code, *args)

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == LOCKED:
                login_locked(
                    request=request,
                    login=credentials.get("username") or credentials.get("email") or "",
                )
            raise
