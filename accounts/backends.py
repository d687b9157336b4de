"""allauth's login by username or e-mail, without the e-mail lookup for plain logins.

allauth tries every login as an e-mail address first (two queries), then as a
username. Pupils log in by username, many at the start of a lesson: a login
without «@» cannot be an address, so it goes straight to the username.
"""

from allauth.account.auth_backends import AuthenticationBackend


class LoginBackend(AuthenticationBackend):
    def _authenticate_by_email(self, email, password):
        if "@" not in email:
            return None
        return super()._authenticate_by_email(email, password)
