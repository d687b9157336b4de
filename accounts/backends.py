"""Login by username (pupils rarely have e-mail) or by an address its owner confirmed.

Every attempt does the same work: one query finds the account (`account_for_login`) and
exactly one password hash runs, whether the name is unknown, the account has no password
yet (Django hashes anyway), is blocked, or the password is wrong: the time of an answer
does not tell which names and addresses exist. allauth's backend hashes twice for a known
address with a wrong password (once as an address, once more as a username).
"""

from django.contrib.auth.backends import ModelBackend

from accounts.models import User
from accounts.selectors import account_for_login

# The caller did not look the account up (allauth's adapter passes what it found).
UNRESOLVED = object()


class LoginBackend(ModelBackend):
    def authenticate(
        self, request, username=None, password=None, email=None, account=UNRESOLVED, **kwargs
    ):
        login = username or email
        if not login or not password:
            return None
        if account is UNRESOLVED:
            account = account_for_login(login)
        if account is None:
            User().set_password(password)  # the work of a real check
            return None
        # A blocked account is checked like any other, then refused whatever the password.
        if account.check_password(password) and self.user_can_authenticate(account):
            return account
        return None
