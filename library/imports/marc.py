"""MARC records through pymarc: ISO 2709 and MARCXML, MARC 21 and RUSMARC (as Russian
school library systems export them: RUSMARC in UTF-8 or Windows-1251).

The flavour is told by the record: RUSMARC keeps the title in 200, MARC 21 in 245."""

import io
import xml.sax

import pymarc
from django.utils.translation import gettext as _

from .problems import Problem, SourceRecord

# field → ((tag, subfield), …) in order of preference; authors take every occurrence.
MARC21 = {
    "title": (("245", "a"),),
    "subtitle": (("245", "b"),),
    "authors": (("100", "a"), ("700", "a")),
    "publisher": (("264", "b"), ("260", "b")),
    "year": (("264", "c"), ("260", "c")),
    "isbn": (("020", "a"),),
    "udc": (("080", "a"),),
    "bbk": (("084", "a"),),
    "subject": (("650", "a"),),
    "url": (("856", "u"),),
    "description": (("520", "a"),),
}
RUSMARC = {
    "title": (("200", "a"),),
    "subtitle": (("200", "e"),),
    "authors": (("700", "a"), ("701", "a")),
    "publisher": (("210", "c"),),
    "year": (("210", "d"),),
    "isbn": (("010", "a"),),
    "udc": (("675", "a"),),
    "bbk": (("686", "a"),),
    "subject": (("606", "a"),),
    "url": (("856", "u"),),
    "description": (("330", "a"),),
}
TRAILING = " /:;,="


def read_marc(data: bytes) -> list[SourceRecord]:
    """ISO 2709. UTF-8 when the leader says so (or the bytes are), else Windows-1251;
    a record the reader cannot parse is a problem of its own (a lying leader, a
    record cut short), and the reading stops there: what follows is out of step."""
    try:
        data.decode("utf-8")
        encoding = {"force_utf8": True}
    except UnicodeDecodeError:
        encoding = {"file_encoding": "cp1251"}
    reader = pymarc.MARCReader(io.BytesIO(data), to_unicode=True, permissive=True, **encoding)
    records = []
    for number, record in enumerate(reader, start=1):
        if record is None:
            records.append(SourceRecord(number, None, {}, [_unreadable(reader, data)]))
            break
        records.append(_from_record(number, record))
    if not records:
        records.append(SourceRecord(1, None, {}, [Problem("leader", _("no MARC record found"))]))
    return records


def _unreadable(reader, data: bytes) -> Problem:
    error = reader.current_exception
    chunk = reader.current_chunk or b""
    if isinstance(error, pymarc.exceptions.RecordLengthInvalid):
        return Problem("leader/00-04", _("the record length in the leader is not a number"))
    if isinstance(
        error, (pymarc.exceptions.TruncatedRecord, pymarc.exceptions.EndOfRecordNotFound)
    ):
        return Problem(
            "leader/00-04",
            _("the record length in the leader does not match the record (a broken record)"),
        )
    if isinstance(error, UnicodeDecodeError) or (chunk[9:10] == b"a" and not _is_utf8(chunk)):
        return Problem("leader/09", _("the leader says UTF-8 but the text is not in UTF-8"))
    return Problem("leader", _("the record cannot be read: %(error)s") % {"error": error})


def _is_utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _Refused(Exception):
    pass


def read_marcxml(data: bytes) -> list[SourceRecord]:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        # No entities: a MARCXML file never needs them, and they can read local files.
        return [SourceRecord(1, None, {}, [Problem("file", _("the XML declares entities"))])]
    try:
        parsed = pymarc.parse_xml_to_array(io.BytesIO(data), strict=False)
    except xml.sax.SAXException as error:
        problem = Problem("file", _("not well-formed XML: %(error)s") % {"error": error})
        return [SourceRecord(1, None, {}, [problem])]
    if not parsed:
        return [SourceRecord(1, None, {}, [Problem("record", _("no MARC record found"))])]
    return [_from_record(number, record) for number, record in enumerate(parsed, start=1)]


def _values(record, tag: str, code: str) -> list[str]:
    # ISBD punctuation ends each subfield; a full stop may end an author's initial.
    trailing = TRAILING if tag in {"100", "700", "701"} else TRAILING + "."
    return [
        value.strip().rstrip(trailing).strip()
        for field in record.get_fields(tag)
        for value in field.get_subfields(code)
        if value and value.strip()
    ]


def _from_record(number: int, record) -> SourceRecord:
    rusmarc = bool(record.get_fields("200")) and not record.get_fields("245")
    scheme = RUSMARC if rusmarc else MARC21
    values = {}
    for field, places in scheme.items():
        found = [value for tag, code in places for value in _values(record, tag, code)]
        if field == "authors":
            values[field] = "; ".join(dict.fromkeys(found))
        else:
            values[field] = found[0] if found else ""
    subtitle = values.pop("subtitle")
    if values["title"] and subtitle:
        values["title"] = f"{values['title']}: {subtitle}"
    names = {field: f"{places[0][0]}${places[0][1]}" for field, places in scheme.items()}
    return SourceRecord(number, None, values, [], names)
