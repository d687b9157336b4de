"""allauth's second factor, told by the login's own query whether the account has one.

allauth asks the database at every login whether the account has an authenticator; the
query that finds the account (`selectors.account_for_login`) already answers it, one
statement fewer on a login storm. Any other question goes to allauth as before.
"""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

# What allauth's login stage asks about (allauth.mfa.stages.AuthenticateStage).
LOGIN_TYPES = frozenset({Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN})
# Set on the account by `account_for_login`.
ANSWER = "has_login_authenticator"


class MFAAdapter(DefaultMFAAdapter):
    def is_mfa_enabled(self, user, types=None) -> bool:
        known = getattr(user, ANSWER, None)
        if known is not None and types is not None and frozenset(types) == LOGIN_TYPES:
            return known
        return super().is_mfa_enabled(user, types=types)
