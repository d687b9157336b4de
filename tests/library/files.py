"""Files as school library systems and spreadsheets export them, made in the tests."""

import csv
import io

from openpyxl import Workbook
from pymarc import Field, Record, Subfield, XMLWriter

HEADER = ["Название", "Авторы", "Издательство", "Год", "ISBN", "Предмет", "Классы", "Вид"]
HEADER += ["Экземпляры", "ФП"]
ROWS = [
    "Математика. 5 класс. Учебник|Никольский С. М.; Потапов М. К.|Просвещение|2023|"
    "978-5-09-099999-1|Математика|5|учебник|60|да",
    "Физика. 7 класс. Учебник|Пёрышкин И. М.|Дрофа|2021||Физика|7|учебник|45|да",
    "Капитанская дочка|Пушкин А. С.|Детская литература|2019||Литература|8|"
    "художественная литература|12|нет",
]


def csv_bytes(rows=ROWS, *, encoding="utf-8", delimiter=";") -> bytes:
    """`rows` with cells separated by «|», written as a spreadsheet program would."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(row.split("|") for row in rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, *, formula_at=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Название", "Автор", "Год", "Классы"])
    for row in rows:
        sheet.append(row)
    if formula_at:
        sheet[formula_at] = '=CONCATENATE("Алгебра", " 7")'
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def marc21_record(title="Алгебра. 7 класс", author="Макарычев Ю. Н.", isbn="9785090999991"):
    record = Record(force_utf8=True)
    record.leader = record.leader[:9] + "a" + record.leader[10:]
    record.add_field(Field(tag="020", indicators=[" ", " "], subfields=[Subfield("a", isbn)]))
    record.add_field(Field(tag="100", indicators=["1", " "], subfields=[Subfield("a", author)]))
    if title:
        record.add_field(
            Field(
                tag="245",
                indicators=["1", "0"],
                subfields=[Subfield("a", title + " :"), Subfield("b", "учебник")],
            )
        )
    record.add_field(
        Field(
            tag="264",
            indicators=[" ", "1"],
            subfields=[Subfield("b", "Просвещение,"), Subfield("c", "2022.")],
        )
    )
    return record


def rusmarc_record(title="Геометрия. 7-9 классы", author="Атанасян", year="2020"):
    record = Record(force_utf8=True)
    record.add_field(Field(tag="010", indicators=[" ", " "], subfields=[Subfield("a", "")]))
    record.add_field(
        Field(
            tag="200",
            indicators=["1", " "],
            subfields=[Subfield("a", title), Subfield("e", "учебник")],
        )
    )
    record.add_field(
        Field(
            tag="210",
            indicators=[" ", " "],
            subfields=[Subfield("c", "Просвещение"), Subfield("d", year)],
        )
    )
    record.add_field(Field(tag="700", indicators=[" ", "1"], subfields=[Subfield("a", author)]))
    record.add_field(
        Field(tag="686", indicators=[" ", " "], subfields=[Subfield("a", "22.151я72")])
    )
    return record


def iso2709(*records) -> bytes:
    return b"".join(record.as_marc() for record in records)


def marcxml(*records) -> bytes:
    out = io.BytesIO()
    writer = XMLWriter(out)
    for record in records:
        writer.write(record)
    writer.close(close_fh=False)
    return out.getvalue()
