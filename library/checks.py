"""`check --deploy`: production keeps external libraries' credentials under its own keys."""

from cryptography.fernet import Fernet
from django.core import checks

from .credential_keys import ENVIRONMENT_VARIABLE, configured_keys


def credential_keys_check(app_configs=None, **kwargs):
    keys = configured_keys()
    if not keys:
        return [
            checks.Warning(
                f"{ENVIRONMENT_VARIABLE} is not set: external libraries' credentials are "
                "encrypted with a key derived from SECRET_KEY.",
                hint="Set it to one or more Fernet keys (README «Library»).",
                id="library.W001",
            )
        ]
    try:
        for key in keys:
            Fernet(key)
    except ValueError:
        return [
            checks.Error(
                f"{ENVIRONMENT_VARIABLE} holds a value that is not a Fernet key.",
                id="library.E001",
            )
        ]
    return []
