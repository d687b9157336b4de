"""Class-list files as teachers produce them, built in memory for the tests."""

import csv
import io
from datetime import date

import openpyxl
from django.utils import timezone

HEADER = ["№", "Фамилия", "Имя", "Отчество", "Дата рождения", "E-mail", "Класс"]


def born(years_ago: int, month: int, day: int) -> date:
    """A birth date that keeps the pupil's age valid whatever day the tests run."""
    return date(timezone.localdate().year - years_ago, month, day)


def good_pupils() -> list[tuple]:
    return [
        ("Иванов", "Иван", "Иванович", born(10, 9, 1), "ivan@example.ru", "4А"),
        ("Ёлкина", "Йоланта", "", born(9, 3, 15), "", "4А"),
        ("Щукин-Подъячев", "Ярослав", "Ильич", born(10, 12, 31), "", "4А"),
        ("Д'Артаньян", "Шарль", "", born(11, 1, 2), "", "4А"),
    ]


def as_text_rows(pupils, header=HEADER) -> list[list[str]]:
    rows = [list(header)]
    for number, (last, first, patronymic, birth, email, class_name) in enumerate(pupils, 1):
        day = birth.strftime("%d.%m.%Y") if isinstance(birth, date) else birth
        rows.append([str(number), last, first, patronymic, day, email, class_name])
    return rows


def csv_bytes(rows: list[list], *, encoding="utf-8", delimiter=";") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    """Cells as given: a date object becomes an Excel date cell, a string starting with
    «=» becomes a formula, exactly as when a teacher types them into Excel."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_pupils(pupils, header=HEADER) -> bytes:
    rows = [list(header)]
    for number, pupil in enumerate(pupils, 1):
        rows.append([number, *pupil])
    return xlsx_bytes(rows)
