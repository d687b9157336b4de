"""Credentials of external libraries at rest: Fernet tokens (cryptography's MultiFernet).

The keys come from the environment, `LIBRARY_CREDENTIAL_KEYS`: Fernet keys separated by
commas, the newest first. The first key encrypts; every key listed decrypts. To rotate
(README «Library»): put a new key in front, restart, run
`manage.py library_rotate_keys`, which re-encrypts every credential with the new key,
then drop the old key from the list. Without the variable (development, tests) one key
is derived from SECRET_KEY; production must set it (`check --deploy` says so, library/checks.py).
"""

import base64
import hashlib
import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

ENVIRONMENT_VARIABLE = "LIBRARY_CREDENTIAL_KEYS"


def configured_keys() -> list[str]:
    listed = os.environ.get(ENVIRONMENT_VARIABLE, "").split(",")
    return [key.strip() for key in listed if key.strip()]


def _fallback_key() -> bytes:
    digest = hashlib.sha256(f"library-credentials:{settings.SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest)


def _cipher() -> MultiFernet:
    keys = configured_keys() or [_fallback_key()]
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(text: str) -> str:
    return _cipher().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return _cipher().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """The same secret under the first key."""
    return _cipher().rotate(token.encode()).decode()


__all__ = ["InvalidToken", "decrypt", "encrypt", "rotate"]
