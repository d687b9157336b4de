"""Reading an export of «Сетевой город. Образование» (regulation §11.2–§11.3): XLSX (by
openpyxl) or CSV (UTF-8 or Windows-1251, «;» or «,», by the csv module), columns found by
the administrator's mapping. The whole file is checked before anything is written, and
every problem is named by row and column."""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import ClassMembership

from .models import AchievementKind, AchievementResult, Level, Sphere

# Words the school's exports use besides our own labels.
SYNONYMS = {
    "sphere": {
        "учебная": Sphere.STUDY,
        "научно-исследовательская": Sphere.RESEARCH,
        "исследовательская": Sphere.RESEARCH,
        "общественная": Sphere.SOCIAL,
        "социальная": Sphere.SOCIAL,
        "культурно-творческая": Sphere.CREATIVE,
        "творческая": Sphere.CREATIVE,
        "спортивная": Sphere.SPORTS,
    },
    "level": {
        "школьный": Level.SCHOOL,
        "муниципальный": Level.MUNICIPAL,
        "региональный": Level.REGIONAL,
        "федеральный": Level.FEDERAL,
        "всероссийский": Level.FEDERAL,
        "международный": Level.INTERNATIONAL,
    },
    "kind": {
        "олимпиада": AchievementKind.OLYMPIAD,
        "конкурс": AchievementKind.CONTEST,
        "соревнования": AchievementKind.COMPETITION,
        "соревнование": AchievementKind.COMPETITION,
        "конференция": AchievementKind.CONFERENCE,
        "проект": AchievementKind.PROJECT,
        "сертификат": AchievementKind.CERTIFICATE,
        "гто": AchievementKind.GTO,
        "знак гто": AchievementKind.GTO,
    },
    "result": {
        "участник": AchievementResult.PARTICIPANT,
        "призёр": AchievementResult.PRIZE_WINNER,
        "призер": AchievementResult.PRIZE_WINNER,
        "победитель": AchievementResult.WINNER,
    },
}
CHOICES = {"sphere": Sphere, "level": Level, "kind": AchievementKind, "result": AchievementResult}
PLACE = re.compile(r"^(\d{1,3})(\s*-?\s*(е|й)?\s*место)?$")
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


def _words(value) -> str:
    return " ".join(str(value or "").replace("ё", "е").replace("Ё", "Е").split()).casefold()


def _vocabulary(field: str) -> dict[str, str]:
    words = {_words(word): value for word, value in SYNONYMS[field].items()}
    for language in ("en", "ru"):
        with override(language):
            for value, label in CHOICES[field].choices:
                words[_words(label)] = value
                words[_words(value)] = value
    return words


@dataclass
class Row:
    number: int
    pupil: object
    fields: dict
    key: str


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ValidationError(_("The file is neither UTF-8 nor Windows-1251 text: save it again."))


def read_table(content: bytes, name: str) -> list[list]:
    """The rows of the file, the heading first."""
    if content[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a broken book
            raise ValidationError(_("The spreadsheet cannot be read.")) from error
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";"
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _pupils() -> dict[tuple[str, str], list]:
    """(class, full name) → the pupils currently in that class with that name."""
    found = {}
    for membership in ClassMembership.objects.filter(ended_on__isnull=True).select_related(
        "user", "school_class"
    ):
        key = (_words(membership.school_class.name), _words(membership.user.get_full_name()))
        found.setdefault(key, []).append(membership.user)
    return found


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    for form in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(str(value).strip(), form).date()
        except ValueError:
            continue
    return None


def natural_key(pupil, fields: dict) -> str:
    parts = [pupil.pk, *(fields[name] for name in ("sphere", "kind", "level", "result", "place"))]
    parts += [_words(fields["event"]), fields["date"].isoformat()]
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def parse(content: bytes, name: str, columns: dict[str, str]) -> list[Row]:
    """Every row of the file as an achievement of a known pupil, or a ValidationError
    naming every problem by row and column."""
    table = [row for row in read_table(content, name) if any(str(c or "").strip() for c in row)]
    if not table:
        raise ValidationError(_("The file is empty."))
    heading = [_words(cell) for cell in table[0]]
    problems = []
    where = {}
    for field, column in columns.items():
        if _words(column) in heading:
            where[field] = heading.index(_words(column))
        elif field != "organiser":
            problems.append(
                _(
                    "Row 1: there is no column «%(column)s». Is the file in UTF-8 or "
                    "Windows-1251, with the columns the mapping names?"
                )
                % {"column": column}
            )
    if problems:
        raise ValidationError(problems)
    vocabularies = {field: _vocabulary(field) for field in CHOICES}
    pupils = _pupils()
    rows = []
    for number, cells in enumerate(table[1:], start=2):

        def cell(field, cells=cells):
            index = where.get(field)
            return cells[index] if index is not None and index < len(cells) else None

        def problem(field, message, number=number):
            problems.append(
                _("Row %(row)d, column «%(column)s»: %(problem)s")
                % {"row": number, "column": columns[field], "problem": message}
            )

        fields = {"event": str(cell("event") or "").strip()[:300]}
        fields["organiser"] = str(cell("organiser") or "").strip()[:300]
        if not fields["event"]:
            problem("event", _("the event is not named."))
        for field in ("sphere", "level"):
            fields[field] = vocabularies[field].get(_words(cell(field)))
            if fields[field] is None:
                problem(field, _("unknown value «%(value)s».") % {"value": cell(field) or ""})
        fields["kind"] = vocabularies["kind"].get(_words(cell("kind")), AchievementKind.OTHER)
        result = _words(cell("result"))
        place = PLACE.match(result)
        fields["result"] = AchievementResult.PLACE if place else vocabularies["result"].get(result)
        fields["place"] = int(place.group(1)) if place else None
        if fields["result"] is None:
            problem("result", _("unknown value «%(value)s».") % {"value": cell("result") or ""})
        fields["date"] = _date(cell("date"))
        if fields["date"] is None:
            problem("date", _("«%(value)s» is not a date.") % {"value": cell("date") or ""})
        named = pupils.get((_words(cell("class_name")), _words(cell("student"))), [])
        if len(named) != 1:
            problem(
                "student",
                (
                    _("no pupil «%(name)s» in class «%(class)s».")
                    if not named
                    else _("several pupils «%(name)s» in class «%(class)s».")
                )
                % {"name": cell("student") or "", "class": cell("class_name") or ""},
            )
        if not problems:
            rows.append(Row(number, named[0], fields, natural_key(named[0], fields)))
    if problems:
        raise ValidationError(problems)
    return rows
