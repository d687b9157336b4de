"""Logins and one-time passwords for the credentials a responsible person issues
(regulation §9.3: personal login and password; §9.4: assigned by the person the
director's order names).

Transliteration uses iuliia's «Wikipedia» schema: it is the spelling Russian speakers
recognise (Юлия → yuliya, Щукин → shchukin, Хрущёв → khrushchyov) and gives only the
letters a–z (ъ and ь vanish, no apostrophes), unlike the passport schema (ICAO Doc 9303:
yuliya → «iuliia»), which children mistype. iuliia implements each schema to its
published definition, including the rules for word endings, and has no dependencies.
Letters the schema does not cover (Ukrainian «і», Latin «ü») go through anyascii,
which Wagtail already brings.
"""

import re
import secrets

import iuliia
from anyascii import anyascii
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from accounts.models import User

SCHEMA = iuliia.WIKIPEDIA
MAX_SURNAME = 30  # keeps logins short enough to type; the rest of a long surname is noise
# No 0/O/o, 1/l/I: a child copying from paper cannot tell them apart.
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"  # noqa: S105 - an alphabet, not a password
PASSWORD_LENGTH = 10  # 55**10 ≈ 2**58 guesses; the password lives only until first login
APOSTROPHES = "'’ʼ"


def usernames_taken() -> set[str]:
    """Every username in use, lower-cased, in one query: the `taken` set for `login_for`."""
    return {name.lower() for name in User.objects.values_list("username", flat=True)}


def login_for(last_name: str, first_name: str, patronymic: str, taken: set[str]) -> str:
    """A login such as «ivanov.a» (regulation §9.4): surname, dot, first-name initial.

    On a collision the patronymic initial is added («ivanov.ai»), then a number
    («ivanov.ai2»). `taken` holds lower-case usernames (see `usernames_taken`); the
    caller adds each new login to it before asking for the next one.
    """
    surname = _latin_words(last_name)[:MAX_SURNAME].strip("-")
    if not surname:
        raise ValueError(f"no Latin form for the surname {last_name!r}")
    initials = [_initial(first_name), _initial(patronymic)]
    candidates = [surname]
    if initials[0]:
        candidates = [f"{surname}.{initials[0]}"]
        if initials[1]:
            candidates.append(f"{surname}.{initials[0]}{initials[1]}")
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    base = candidates[-1]
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def _latin(text: str) -> str:
    text = "".join(ch for ch in text if ch not in APOSTROPHES)
    return anyascii(SCHEMA.translate(text)).lower()


def _latin_words(text: str) -> str:
    # «Петров-Водкин» → petrov-vodkin, «ван дер Берг» → van-der-berg.
    return "-".join(re.findall(r"[a-z]+", _latin(text)))


def _initial(name: str) -> str:
    # The initial is the Latin form of the first letter: Юлия → «yu», Жанна → «zh»,
    # as a Russian writes initials in Latin (Yu. Ivanova), and Юлия ≠ Яна.
    letters = [ch for ch in name if ch.isalpha()]
    if not letters:
        return ""
    return "".join(re.findall(r"[a-z]+", _latin(letters[0])))


def one_time_password(user: User | None = None) -> str:
    """A random initial password (ASVS 6.4.1; regulation §9.7 hands it over on paper).

    Drawn with `secrets` from an alphabet without look-alikes and redrawn until the
    configured password validators accept it, so the password a user is forced to
    replace at first login is never one the site itself would refuse.
    """
    while True:
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))
        try:
            validate_password(password, user=user)
        except ValidationError:
            continue
        return password
