"""Class lists uploaded by class teachers (regulation §9.5: class teachers prepare the
registration data of their pupils; §6.5: pupils are registered on enrolment orders).

A list is an .xlsx workbook or a .csv file as Russian Excel saves it (UTF-8 with or without
BOM, or Windows-1251; `;` or `,` between cells). The whole file is checked before anything
is used: every problem is reported with the row and the column a teacher sees, and a list
with any error yields no pupils at all, so nothing is ever imported in part.

Nothing here writes to the database; `class_list_flag_duplicates` reads it once.
"""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.names import name_key

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 200
# A real class rarely exceeds 30; more than this in one class suggests a merged list.
SUSPICIOUS_CLASS_SIZE = 60
# Cells right of this are never looked at: a list needs six columns, not thousands.
MAX_COLUMNS = 30
# An .xlsx is a zip; a small file that inflates beyond this is a zip bomb, not a class.
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
PUPIL_AGE_MIN, PUPIL_AGE_MAX = 5, 20
MAX_NAME_LENGTH = 150  # User.first_name / last_name / patronymic
MAX_CLASS_LENGTH = 20

# A spreadsheet program runs such a cell as a formula when the data is opened again
# (CSV injection, e.g. =HYPERLINK(...) sending data away): refused, never "cleaned".
FORMULA_PREFIXES = ("=", "+", "-", "@")
APOSTROPHES = "'’ʼ"  # the typographic ones come from Word and phones
DATE_RE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")

# Magic numbers of what teachers upload by mistake under a .csv name.
BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff")


@dataclass(frozen=True)
class Pupil:
    row: int
    last_name: str
    first_name: str
    patronymic: str
    birth_date: date
    email: str = ""
    class_name: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


@dataclass(frozen=True)
class RowError:
    """One problem; `row` is None when it concerns the whole file (size, type, encoding)."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class RowWarning:
    """Something to check by eye; `matches` are the pks of existing users the row may be."""

    row: int | None
    column: str
    message: str
    matches: tuple[int, ...] = ()

    def __str__(self) -> str:
        return self.message


@dataclass
class ClassList:
    rows: list[Pupil] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Column:
    key: str
    title: str  # the header the school's template uses; named in "missing column" errors
    names: frozenset[str]  # normalised header spellings that mean this column
    required: bool


def _header_key(text: str) -> str:
    # «Дата рождения (дд.мм.гггг)», «ФАМИЛИЯ*», «E-mail» and «Е-mail» (Cyrillic Е) all occur.
    text = re.sub(r"\(.*?\)", "", unicodedata.normalize("NFC", text))
    text = text.casefold().replace("ё", "е")
    return "".join(ch for ch in text if ch.isalnum())


COLUMNS = (
    _Column("last_name", "Фамилия", frozenset({"фамилия", "lastname", "surname"}), True),
    _Column("first_name", "Имя", frozenset({"имя", "firstname", "givenname"}), True),
    _Column("patronymic", "Отчество", frozenset({"отчество", "patronymic", "middlename"}), False),
    _Column(
        "birth_date",
        "Дата рождения",
        frozenset({"датарождения", "датарожд", "др", "birthdate", "dateofbirth"}),
        True,
    ),
    _Column(
        "email",
        "E-mail",
        frozenset(
            {"email", "еmail", "емейл", "емэйл", "электроннаяпочта", "элпочта", "почта", "mail"}
        ),
        False,
    ),
    _Column("class_name", "Класс", frozenset({"класс", "class", "grade"}), False),
)
NAME_KEYS = ("last_name", "first_name", "patronymic")


class _FileRefused(Exception):
    """The file cannot be read at all; the message says why."""


@dataclass(frozen=True)
class _Cell:
    value: object
    formula: bool = False


def class_list_parse(*, file: IO[bytes], filename: str) -> ClassList:
    """Read and check a whole class list (regulation §9.5); never writes to the database.

    `file` is a binary file object (an UploadedFile or anything with `read`). The result
    has pupils only when the whole file is valid (`ok`); otherwise every error found.
    """
    try:
        data = _read_limited(file)
        rows = _rows(data, filename)
        return _check(rows)
    except _FileRefused as refused:
        return ClassList(errors=[RowError(None, "", str(refused))])


def _max_bytes() -> int:
    return getattr(settings, "CLASS_LIST_MAX_BYTES", MAX_BYTES)


def _read_limited(file) -> bytes:
    limit = _max_bytes()
    refusal = _("The file is larger than %(limit)s; a class list is much smaller") % {
        "limit": filesizeformat(limit)
    }
    # An upload knows its size: a huge file is refused without reading it.
    if getattr(file, "size", None) is not None and file.size > limit:
        raise _FileRefused(refusal)
    data = file.read(limit + 1)
    if len(data) > limit:
        raise _FileRefused(refusal)
    return data


def _rows(data: bytes, filename: str) -> Iterator[list[_Cell]]:
    suffix = PurePath(filename).suffix.lower()
    if suffix == ".xlsx":
        return _xlsx_rows(data, filename)
    if suffix == ".csv":
        return _csv_rows(data, filename)
    if suffix == ".xls":
        raise _FileRefused(
            _("The old Excel format .xls is not accepted: save the list as .xlsx or CSV")
        )
    raise _FileRefused(
        _("The file «%(name)s» is neither an Excel workbook (.xlsx) nor a CSV file")
        % {"name": filename}
    )


def _xlsx_rows(data: bytes, filename: str) -> Iterator[list[_Cell]]:
    # Imported here: only .xlsx uploads pay for loading openpyxl.
    import openpyxl

    not_workbook = _("The file «%(name)s» is not an Excel workbook although its name says so") % {
        "name": filename
    }
    if not data.startswith(b"PK\x03\x04"):
        raise _FileRefused(not_workbook)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise _FileRefused(not_workbook) from exc
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise _FileRefused(not_workbook)
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise _FileRefused(_("The workbook unpacks to too much data for a class list"))
    try:
        # data_only=False: a formula is seen as a formula (and refused), not as its
        # cached result. openpyxl parses with defusedxml when it is installed (it is).
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _FileRefused(_("The workbook cannot be read; save it again in Excel")) from exc
    return _sheet_rows(workbook)


def _sheet_rows(workbook) -> Iterator[list[_Cell]]:
    try:
        sheet = workbook.worksheets[0]
        for cells in sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS):
            yield [_Cell(c.value, c.data_type == "f") for c in cells]
    except Exception as exc:  # read_only parses lazily: damage shows while iterating
        raise _FileRefused(_("The workbook cannot be read; save it again in Excel")) from exc
    finally:
        workbook.close()


def _csv_rows(data: bytes, filename: str) -> Iterator[list[_Cell]]:
    if data.startswith(BINARY_SIGNATURES):
        raise _FileRefused(
            _("The file «%(name)s» is not a CSV text file although its name says so")
            % {"name": filename}
        )
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for record in reader:
            yield [_Cell(value) for value in record[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise _FileRefused(
            _("Row %(row)s cannot be read as CSV: %(problem)s")
            % {"row": reader.line_num, "problem": exc}
        ) from exc


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) if it decodes strictly, else Windows-1251.

    Any byte string decodes as Windows-1251, so the result must also look like text:
    UTF-16 (what "Unicode text" in Excel saves) is full of NUL bytes and is refused.
    """
    unreadable = _(
        "The file is not text in UTF-8 or Windows-1251: in Excel choose "
        "«Save as» → «CSV UTF-8 (comma delimited)»"
    )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _FileRefused(unreadable)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError as exc:
            raise _FileRefused(unreadable) from exc
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in text):
        raise _FileRefused(unreadable)
    return text


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=";,").delimiter
    except csv.Error:
        delimiter = ""
    # The header must contain the delimiter: it holds at least three column names.
    if not delimiter or delimiter not in header:
        delimiter = ";" if header.count(";") >= header.count(",") else ","
    return delimiter


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # NFC: a Mac or a web form may send «й» as «и» + a combining breve.
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


class _Checker:
    """Walks the rows once, collecting every error instead of stopping at the first."""

    def __init__(self) -> None:
        self.result = ClassList()
        self.today = timezone.localdate()
        self.columns: dict[str, tuple[int, str]] = {}  # key -> (index, header as written)
        self.first_row_of: dict[tuple, int] = {}

    def error(self, row: int | None, column: str, message: str, **params) -> None:
        text = message % {"row": row, "column": column, **params}
        self.result.errors.append(RowError(row, column, text))

    def header(self, cells: list[_Cell]) -> bool:
        seen: dict[str, int] = {}
        written = {}
        for index, cell in enumerate(cells):
            title = _text(cell.value)
            column = next((c for c in COLUMNS if _header_key(title) in c.names), None)
            if column is None:
                continue  # «№ п/п», notes and the like are simply not read
            if column.key in seen:
                self.error(
                    1,
                    title,
                    _("Row %(row)s: the column «%(column)s» appears twice"),
                )
                continue
            seen[column.key] = index
            written[column.key] = title
        for column in COLUMNS:
            if column.required and column.key not in seen:
                self._missing(column, {_header_key(_text(c.value)) for c in cells})
        self.columns = {key: (index, written[key]) for key, index in seen.items()}
        return self.result.ok

    def _missing(self, column: _Column, headers: set[str]) -> None:
        if column.key in NAME_KEYS and "фио" in headers:
            self.error(
                1,
                column.title,
                _(
                    "Row %(row)s: there is no column «%(column)s»; put surname, first name "
                    "and patronymic into the separate columns «Фамилия», «Имя», «Отчество»"
                ),
            )
        else:
            self.error(1, column.title, _("Row %(row)s: the column «%(column)s» is missing"))

    def row(self, number: int, cells: list[_Cell]) -> None:
        errors_before = len(self.result.errors)
        values = {}
        for key, (index, title) in self.columns.items():
            cell = cells[index] if index < len(cells) else _Cell(None)
            values[key] = self._value(key, number, title, cell)
        if len(self.result.errors) > errors_before:
            return
        pupil = Pupil(
            row=number,
            last_name=values["last_name"],
            first_name=values["first_name"],
            patronymic=values.get("patronymic", ""),
            birth_date=values["birth_date"],
            email=values.get("email", ""),
            class_name=values.get("class_name", ""),
        )
        self._unique(pupil)

    def _value(self, key: str, row: int, column: str, cell: _Cell):
        text = _text(cell.value)
        if cell.formula or text.startswith(FORMULA_PREFIXES):
            self.error(
                row,
                column,
                _(
                    "Row %(row)s, column «%(column)s»: «%(value)s» is a formula or starts "
                    "with = + - @; such cells are refused because a spreadsheet would run them"
                ),
                value=text[:40],
            )
            return None
        if key in NAME_KEYS:
            return self._name(row, column, text, required=key != "patronymic")
        if key == "birth_date":
            return self._birth_date(row, column, cell.value, text)
        if key == "email":
            return self._email(row, column, text)
        return self._class_name(row, column, text)

    def _name(self, row: int, column: str, text: str, *, required: bool) -> str | None:
        if not text:
            if required:
                self.error(row, column, _("Row %(row)s, column «%(column)s»: the name is empty"))
                return None
            return ""
        if len(text) > MAX_NAME_LENGTH:
            self.error(
                row,
                column,
                _("Row %(row)s, column «%(column)s»: the name is longer than %(limit)s letters"),
                limit=MAX_NAME_LENGTH,
            )
            return None
        wrong = next((ch for ch in text if not _name_char(ch)), None)
        if wrong is not None or not any(ch.isalpha() for ch in text):
            self.error(
                row,
                column,
                _(
                    "Row %(row)s, column «%(column)s»: «%(value)s» is not a name; only "
                    "Cyrillic or Latin letters, hyphen, apostrophe and space are allowed"
                ),
                value=text[:40],
            )
            return None
        return text

    def _birth_date(self, row: int, column: str, value: object, text: str) -> date | None:
        born = _as_date(value, text)
        if born is None:
            message = (
                _("Row %(row)s, column «%(column)s»: the birth date is empty")
                if not text
                else _(
                    "Row %(row)s, column «%(column)s»: «%(value)s» is not a date; "
                    "write it as dd.mm.yyyy"
                )
            )
            self.error(row, column, message, value=text[:40])
            return None
        if born > self.today:
            self.error(
                row, column, _("Row %(row)s, column «%(column)s»: the birth date is in the future")
            )
            return None
        age = _age(born, self.today)
        if not PUPIL_AGE_MIN <= age <= PUPIL_AGE_MAX:
            self.error(
                row,
                column,
                _(
                    "Row %(row)s, column «%(column)s»: born %(date)s, the pupil would be "
                    "%(age)s years old; a pupil is %(min)s to %(max)s"
                ),
                date=born.strftime("%d.%m.%Y"),
                age=age,
                min=PUPIL_AGE_MIN,
                max=PUPIL_AGE_MAX,
            )
            return None
        return born

    def _email(self, row: int, column: str, text: str) -> str | None:
        if not text:
            return ""
        try:
            validate_email(text)
        except ValidationError:
            self.error(
                row,
                column,
                _("Row %(row)s, column «%(column)s»: «%(value)s» is not an e-mail address"),
                value=text[:60],
            )
            return None
        return text

    def _class_name(self, row: int, column: str, text: str) -> str | None:
        if len(text) > MAX_CLASS_LENGTH:
            self.error(
                row,
                column,
                _("Row %(row)s, column «%(column)s»: a class name is at most %(limit)s characters"),
                limit=MAX_CLASS_LENGTH,
            )
            return None
        return text

    def _unique(self, pupil: Pupil) -> None:
        key = (*name_key(pupil.last_name, pupil.first_name, pupil.patronymic), pupil.birth_date)
        first = self.first_row_of.setdefault(key, pupil.row)
        if first != pupil.row:
            self.error(
                pupil.row,
                self.columns["last_name"][1],
                _("Rows %(first)s and %(row)s: the same pupil (name and birth date) appears twice"),
                first=first,
            )
            return
        self.result.rows.append(pupil)


def _name_char(ch: str) -> bool:
    if ch in " -" or ch in APOSTROPHES:
        return True
    return ch.isalpha() and unicodedata.name(ch, "").startswith(("CYRILLIC", "LATIN"))


def _as_date(value: object, text: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not DATE_RE.fullmatch(text):
        return None
    day, month, year = (int(part) for part in text.split("."))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _check(rows: Iterable[list[_Cell]]) -> ClassList:
    checker = _Checker()
    counted = 0
    for number, cells in enumerate(rows, start=1):
        if number == 1:
            if not checker.header(cells):
                break
            continue
        if all(_text(c.value) == "" for c in cells):
            continue  # blank rows between and after the pupils are normal in Excel
        counted += 1
        if counted > MAX_ROWS:
            checker.error(
                None,
                "",
                _("The list has more than %(limit)s pupils; upload one class at a time"),
                limit=MAX_ROWS,
            )
            break
        checker.row(number, cells)
    result = checker.result
    if result.ok and not result.rows:
        checker.error(
            None,
            "",
            _("The list holds no pupils: row 1 names the columns, the pupils follow from row 2"),
        )
    if not result.ok:
        result.rows = []  # nothing of a faulty list may be imported
        return result
    _warn_large_classes(result)
    return result


def _warn_large_classes(result: ClassList) -> None:
    sizes = Counter(p.class_name for p in result.rows)
    for class_name, size in sizes.items():
        if size > SUSPICIOUS_CLASS_SIZE:
            result.warnings.append(
                RowWarning(
                    None,
                    "",
                    _(
                        "%(count)s pupils in class «%(class)s» is more than %(limit)s; "
                        "check that the list holds one class"
                    )
                    % {"count": size, "class": class_name or "—", "limit": SUSPICIOUS_CLASS_SIZE},
                )
            )


def class_list_flag_duplicates(class_list: ClassList) -> None:
    """Warn about rows that are probably people the school already has (regulation §6.5:
    a re-enrolled pupil gets the old account back, not a second one).

    A match is the same name and birth date, or the same name when the existing account
    has no birth date. One query for the whole list.
    """
    if not class_list.rows:
        return
    dates = {p.birth_date for p in class_list.rows}
    surnames = set().union(*(_spellings(p.last_name) for p in class_list.rows))
    candidates = User.objects.filter(
        Q(birth_date__in=dates) | Q(birth_date__isnull=True, last_name__in=surnames)
    ).values_list("pk", "username", "last_name", "first_name", "patronymic", "birth_date")
    by_name: dict[tuple[str, ...], list[tuple]] = {}
    for pk, username, last, first, patronymic, born in candidates:
        by_name.setdefault(name_key(last, first, patronymic), []).append((pk, username, born))
    for pupil in class_list.rows:
        found = by_name.get(name_key(pupil.last_name, pupil.first_name, pupil.patronymic), [])
        _warn_duplicate(class_list, pupil, found)


def _spellings(surname: str) -> set[str]:
    # Accounts without a birth date are matched by surname in SQL; SQLite compares Cyrillic
    # case-sensitively, so ask for the spellings people actually store.
    forms = {surname, surname.title(), surname.upper(), surname.lower()}
    return forms | {f.replace("ё", "е").replace("Ё", "Е") for f in forms}


def _warn_duplicate(class_list: ClassList, pupil: Pupil, found: list[tuple]) -> None:
    same_date = [(pk, name) for pk, name, born in found if born == pupil.birth_date]
    no_date = [(pk, name) for pk, name, born in found if born is None]
    if same_date:
        message = _(
            "Row %(row)s: %(name)s, born %(date)s, probably already has an account "
            "(%(logins)s); check before enrolling"
        )
        matches = same_date
    elif no_date:
        message = _(
            "Row %(row)s: an account with the same name and no birth date exists "
            "(%(logins)s); check whether it is %(name)s"
        )
        matches = no_date
    else:
        return
    params = {
        "row": pupil.row,
        "name": pupil.full_name,
        "date": pupil.birth_date.strftime("%d.%m.%Y"),
        "logins": ", ".join(name for _pk, name in matches),
    }
    class_list.warnings.append(
        RowWarning(pupil.row, "", message % params, tuple(pk for pk, _name in matches))
    )
