"""Reading a file into source records: the format recognised from the content, spreadsheets
(CSV in UTF-8 or Windows-1251 with `;` or `,`; XLSX with formulas refused, never computed)
and MARC (marc.py)."""

import csv
import io
import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import ImportFormat
from .problems import Problem, SourceRecord

# A school catalogue exported whole is a few megabytes; more is a mistake or an attack.
MAX_BYTES = 10 * 1024 * 1024

COLUMNS = {
    "title": ("название", "заглавие", "title"),
    "authors": ("авторы", "автор", "authors", "author"),
    "publisher": ("издательство", "publisher"),
    "year": ("год", "год издания", "year"),
    "isbn": ("isbn",),
    "udc": ("удк", "udc"),
    "bbk": ("ббк", "bbk"),
    "subject": ("предмет", "subject"),
    "grades": ("классы", "класс", "grades"),
    "kind": ("вид", "тип", "kind"),
    "copies": ("экземпляры", "экземпляров", "количество", "copies"),
    "url": ("адрес", "ссылка", "url"),
    "federal": ("фп", "федеральный перечень", "federal"),
    "federal_order": ("номер в фп", "приказ фп", "federal_order"),
    "description": ("описание", "аннотация", "description"),
}
COLUMN_NAMES = {alias: field for field, aliases in COLUMNS.items() for alias in aliases}
# How a problem names a column of a spreadsheet to the person who made it.
FIELD_LABELS = {
    "title": gettext_lazy("title"),
    "authors": gettext_lazy("authors"),
    "publisher": gettext_lazy("publisher"),
    "year": gettext_lazy("year"),
    "isbn": "ISBN",
    "udc": gettext_lazy("UDC"),
    "bbk": gettext_lazy("BBK"),
    "subject": gettext_lazy("subject"),
    "grades": gettext_lazy("grades"),
    "kind": gettext_lazy("kind"),
    "copies": gettext_lazy("copies held"),
    "url": gettext_lazy("address"),
    "federal": gettext_lazy("federal list"),
    "federal_order": gettext_lazy("federal list order"),
    "description": gettext_lazy("description"),
}


class FileRefused(Exception):
    """The file as a whole cannot be read: nothing of it is staged."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def sniff(data: bytes) -> str:
    """The format the content shows, whatever the file is called."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return ImportFormat.XLSX
    if head.startswith(b"<") and (b"marc" in head.lower() or b"<record" in head):
        return ImportFormat.MARCXML
    # ISO 2709: a record length, then a leader whose counts of indicators and subfield
    # codes are 2 and whose base address is a number.
    if data[:5].isdigit() and data[10:12] == b"22" and data[12:17].isdigit():
        return ImportFormat.MARC
    return ImportFormat.CSV


def read(data: bytes, declared: str | None) -> tuple[str, list[SourceRecord]]:
    """(format, records) of the file; `FileRefused` when it cannot be read at all."""
    if len(data) > MAX_BYTES:
        raise FileRefused(
            Problem(
                "file",
                _("The file is %(size)d MB; at most %(limit)d MB can be imported.")
                % {"size": len(data) // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)},
            )
        )
    found = sniff(data)
    if declared and declared != found:
        raise FileRefused(
            Problem(
                "file",
                _("The file is not %(declared)s: its content is %(found)s.")
                % {"declared": ImportFormat(declared).label, "found": ImportFormat(found).label},
            )
        )
    if found == ImportFormat.CSV:
        return found, read_csv(data)
    if found == ImportFormat.XLSX:
        return found, read_xlsx(data)
    from .marc import read_marc, read_marcxml

    return found, read_marc(data) if found == ImportFormat.MARC else read_marcxml(data)


def _text(data: bytes) -> str:
    if b"\x00" in data:
        raise FileRefused(Problem("file", _("The file is not text in UTF-8 or Windows-1251.")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        raise FileRefused(
            Problem("file", _("The file is not text in UTF-8 or Windows-1251."))
        ) from None


def _header(cells) -> dict[int, str]:
    """Column number → field; refused when the title column is not found (a file in
    another encoding shows no known column either)."""
    columns = {}
    for number, cell in enumerate(cells):
        field = COLUMN_NAMES.get(" ".join(str(cell or "").split()).casefold().rstrip("."))
        if field:
            columns[number] = field
    if "title" not in columns.values():
        raise FileRefused(
            Problem(
                "title",
                _(
                    "Row 1: no column «Название» (title) among %(found)s. Is the file in "
                    "UTF-8 or Windows-1251, with the column names in its first row?"
                )
                % {"found": ", ".join(f"«{cell}»" for cell in cells if cell) or "—"},
            )
        )
    return columns


def read_csv(data: bytes) -> list[SourceRecord]:
    text = _text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        raise FileRefused(Problem("file", _("The file is empty.")))
    columns = _header(rows[0])
    names = {field: rows[0][n].strip() for n, field in columns.items()}
    records = []
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {field: row[n].strip() for n, field in columns.items() if n < len(row)}
        records.append(SourceRecord(len(records) + 1, row_number, values, [], names))
    return records


def read_xlsx(data: bytes) -> list[SourceRecord]:
    from openpyxl import load_workbook

    try:
        # Read-only, formulas as formulas (data_only=False): a formula is refused below,
        # never computed and never taken from a value cached by whoever saved the file.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        unreadable = Problem("file", _("The file is not a readable XLSX workbook."))
        raise FileRefused(unreadable) from error
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows()
        header = next(rows, None)
        if header is None:
            raise FileRefused(Problem("file", _("The file is empty.")))
        columns = _header([cell.value for cell in header])
        names = {field: str(header[n].value).strip() for n, field in columns.items()}
        records = []
        for row_number, row in enumerate(rows, start=2):
            cells = {n: row[n] for n in columns if n < len(row)}
            if all(cell.value in (None, "") for cell in cells.values()):
                continue
            values, problems = {}, []
            for n, cell in cells.items():
                field = columns[n]
                if cell.data_type == "f":
                    problems.append(
                        Problem(field, _("a formula; only values are imported, never formulas"))
                    )
                    continue
                values[field] = "" if cell.value is None else _cell_text(cell.value)
            records.append(SourceRecord(len(records) + 1, row_number, values, problems, names))
        return records
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
