"""Credential slips as a class teacher prints them and a pupil reads them."""

import io
import re

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.logins import PASSWORD_ALPHABET


def slip_passwords(pdf: bytes, logins) -> dict[str, str]:
    """login → one-time password, read off the printed sheet as a pupil would: the first
    word after the login that looks like an issued password."""
    words = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    found = {}
    for login in logins:
        after = words[words.index(login) + 1 :]
        found[login] = next(w for w in after if re.fullmatch(f"[{PASSWORD_ALPHABET}]{{10}}", w))
    return found


def slips(client: Client, school_class, *pupils, reissue=(), **headers) -> HttpResponse:
    """Print the slips of `pupils` (and new passwords for `reissue`) from the class page."""
    return client.post(
        reverse("credential_slips", args=[school_class.pk]),
        {"pupil": [p.pk for p in pupils], "reissue": [p.pk for p in reissue]},
        **headers,
    )
