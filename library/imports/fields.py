"""The values of a source record checked and turned into an edition's fields; each
problem names its field."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..models import Edition, EditionKind
from .problems import Problem

KIND_NAMES = {
    "учебник": EditionKind.TEXTBOOK,
    "учебное пособие": EditionKind.TEACHING_AID,
    "пособие": EditionKind.TEACHING_AID,
    "методическое пособие": EditionKind.TEACHING_AID,
    "художественная литература": EditionKind.FICTION,
    "художественная": EditionKind.FICTION,
    "справочник": EditionKind.REFERENCE,
    "справочное издание": EditionKind.REFERENCE,
    "словарь": EditionKind.REFERENCE,
    "энциклопедия": EditionKind.REFERENCE,
    "периодическое издание": EditionKind.PERIODICAL,
    "журнал": EditionKind.PERIODICAL,
    "газета": EditionKind.PERIODICAL,
    "эор": EditionKind.E_RESOURCE,
    "электронный ресурс": EditionKind.E_RESOURCE,
    "медиа": EditionKind.MEDIA,
    "аудиовизуальное издание": EditionKind.MEDIA,
    **{value: value for value in EditionKind.values},
    **{str(label): value for value, label in EditionKind.choices},
}
YES = {"да", "+", "1", "yes", "true", "истина", "в фп"}
NO = {"", "нет", "-", "0", "no", "false", "ложь"}
LIMITS = {
    field.name: field.max_length
    for field in Edition._meta.get_fields()
    if getattr(field, "max_length", None)
}


def isbn_digits(value: str) -> str:
    return re.sub(r"[^0-9Xx]", "", value).upper()


def isbn_valid(digits: str) -> bool:
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def edition_fields(values: dict) -> tuple[dict, list[Problem]]:
    """(fields for `Edition`, problems) from the raw values of one record."""
    fields, problems = {}, []

    def problem(field, message):
        problems.append(Problem(field, message))

    for name in ("title", "authors", "publisher", "udc", "bbk", "subject", "description"):
        fields[name] = " ".join(str(values.get(name, "")).split())
    fields["federal_list_order"] = " ".join(str(values.get("federal_order", "")).split())
    if not fields["title"]:
        problem("title", _("no title"))
    for name, value in fields.items():
        limit = LIMITS.get(name)
        if limit and len(value) > limit:
            problem(name, _("longer than %(limit)d characters") % {"limit": limit})

    year = str(values.get("year", "")).strip()
    fields["year"] = None
    if year:
        found = re.search(r"\b(1[4-9]\d\d|20\d\d)\b", year)
        if found:
            fields["year"] = int(found.group(1))
        else:
            problem("year", _("«%(value)s» is not a year") % {"value": year})

    isbn = str(values.get("isbn", "")).strip()
    fields["isbn"] = isbn_digits(isbn) if isbn else ""
    if isbn and not isbn_valid(fields["isbn"]):
        problem("isbn", _("«%(value)s» is not a valid ISBN") % {"value": isbn})

    fields["grade_from"] = fields["grade_to"] = None
    grades = str(values.get("grades", "")).strip()
    if grades:
        numbers = [int(n) for n in re.findall(r"\d+", grades)]
        if not numbers or not all(1 <= n <= 11 for n in numbers):
            problem("grades", _("«%(value)s» are not grades 1 to 11") % {"value": grades})
        else:
            fields["grade_from"], fields["grade_to"] = min(numbers), max(numbers)

    kind = " ".join(str(values.get("kind", "")).split()).casefold()
    fields["kind"] = KIND_NAMES.get(kind, EditionKind.TEXTBOOK if not kind else None)
    if fields["kind"] is None:
        problem("kind", _("«%(value)s» is not a kind of edition") % {"value": values["kind"]})

    copies = str(values.get("copies", "")).strip()
    fields["copies"] = 0
    if copies:
        if copies.isdigit():
            fields["copies"] = int(copies)
        else:
            problem("copies", _("«%(value)s» is not a number of copies") % {"value": copies})

    federal = str(values.get("federal", "")).strip().casefold()
    fields["on_federal_list"] = federal in YES
    if federal not in YES | NO:
        problem("federal", _("«%(value)s» is neither «да» nor «нет»") % {"value": federal})

    url = str(values.get("url", "")).strip()
    fields["url"] = url
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            problem("url", _("«%(value)s» is not a web address") % {"value": url})
    return fields, problems
