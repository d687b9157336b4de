import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat

from accounts.class_list import (
    MAX_BYTES,
    MAX_ROWS,
    ClassList,
    Pupil,
    class_list_flag_duplicates,
    class_list_parse,
)
from accounts.models import User

from .files import (
    HEADER,
    as_text_rows,
    born,
    csv_bytes,
    good_pupils,
    xlsx_bytes,
    xlsx_pupils,
)

pytestmark = pytest.mark.django_db


def parse(data: bytes, filename: str = "4a.csv") -> ClassList:
    return class_list_parse(file=SimpleUploadedFile(filename, data), filename=filename)


def messages(result: ClassList) -> list[str]:
    return [str(e) for e in result.errors]


def expected_pupils() -> list[Pupil]:
    return [
        Pupil(number + 1, last, first, patronymic, birth, email, class_name)
        for number, (last, first, patronymic, birth, email, class_name) in enumerate(
            good_pupils(), 1
        )
    ]


GOOD_FILES = {
    "xlsx with date cells": lambda: (xlsx_pupils(good_pupils()), "4a.xlsx"),
    "xlsx with dates typed as text": lambda: (
        xlsx_bytes(as_text_rows(good_pupils())),
        "4a.xlsx",
    ),
    "csv utf-8 ;": lambda: (csv_bytes(as_text_rows(good_pupils())), "4a.csv"),
    "csv utf-8 with BOM ;": lambda: (
        csv_bytes(as_text_rows(good_pupils()), encoding="utf-8-sig"),
        "4a.csv",
    ),
    "csv windows-1251 ;": lambda: (
        csv_bytes(as_text_rows(good_pupils()), encoding="cp1251"),
        "4A.CSV",
    ),
    "csv utf-8 ,": lambda: (csv_bytes(as_text_rows(good_pupils()), delimiter=","), "4a.csv"),
    "csv windows-1251 ,": lambda: (
        csv_bytes(as_text_rows(good_pupils()), encoding="cp1251", delimiter=","),
        "4a.csv",
    ),
}


@pytest.mark.parametrize("kind", GOOD_FILES)
def test_every_kind_of_good_file_gives_the_same_pupils(kind):
    data, filename = GOOD_FILES[kind]()
    result = parse(data, filename)
    assert messages(result) == []
    assert result.ok
    assert result.rows == expected_pupils()


def test_parsing_never_touches_the_database(django_assert_num_queries):
    users_before = User.objects.count()
    with django_assert_num_queries(0):
        good = parse(csv_bytes(as_text_rows(good_pupils())))
        bad = parse(csv_bytes([HEADER, ["1", "Иванов", "", "", "01.01.2015", "", ""]]))
    assert good.ok
    assert not bad.ok
    assert User.objects.count() == users_before


def test_headers_are_matched_loosely_and_unknown_columns_ignored():
    header = [" ФАМИЛИЯ ", "имя", "Дата рождения (дд.мм.гггг)", "Е-mail", "Примечание"]
    rows = [header, ["Иванов", "Иван", born(10, 9, 1).strftime("%d.%m.%Y"), "", "левша"]]
    result = parse(csv_bytes(rows))
    assert messages(result) == []
    assert result.rows == [Pupil(2, "Иванов", "Иван", "", born(10, 9, 1))]


def test_a_formula_in_a_column_that_is_not_read_is_harmless():
    rows = [HEADER, [1, "Иванов", "Иван", "", born(10, 9, 1), "", "4А"]]
    rows.append(["=A2+1", "Петров", "Пётр", "", born(10, 2, 3), "", "4А"])
    result = parse(xlsx_bytes(rows), "4a.xlsx")
    assert messages(result) == []
    assert [p.last_name for p in result.rows] == ["Иванов", "Петров"]


def test_blank_rows_are_skipped_and_rows_keep_the_numbers_excel_shows():
    rows = as_text_rows(good_pupils()[:1])
    rows += [[""] * 7, [""] * 7]
    rows.append(["2", "Петров", "", "", born(10, 2, 3).strftime("%d.%m.%Y"), "", "4А"])
    result = parse(csv_bytes(rows))
    assert messages(result) == ["Row 5, column «Имя»: the name is empty"]


def test_every_error_in_the_file_is_reported_at_once_and_no_pupil_is_returned():
    rows = as_text_rows(good_pupils())
    rows[1][2] = ""  # row 2: no first name
    rows[2][4] = "31.02.2015"  # row 3: no such date
    rows[3][5] = "ученик@"  # row 4: not an e-mail
    rows[4][1] = "Д'Артаньян2"  # row 5: a digit in a name
    result = parse(csv_bytes(rows))
    assert messages(result) == [
        "Row 2, column «Имя»: the name is empty",
        "Row 3, column «Дата рождения»: «31.02.2015» is not a date; write it as dd.mm.yyyy",
        "Row 4, column «E-mail»: «ученик@» is not an e-mail address",
        "Row 5, column «Фамилия»: «Д'Артаньян2» is not a name; only Cyrillic or Latin "
        "letters, hyphen, apostrophe and space are allowed",
    ]
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "Имя"),
        (3, "Дата рождения"),
        (4, "E-mail"),
        (5, "Фамилия"),
    ]
    assert result.rows == []
    assert not result.ok


def test_missing_first_name_column_is_named_in_row_1():
    rows = [[h for h in row if h != "Имя"] for row in as_text_rows(good_pupils())[:1]]
    result = parse(csv_bytes(rows))
    assert [(e.row, e.column) for e in result.errors] == [(1, "Имя")]
    assert messages(result) == ["Row 1: the column «Имя» is missing"]


def test_a_single_full_name_column_is_explained():
    rows = [["ФИО", "Дата рождения"], ["Иванов Иван Иванович", "01.09.2015"]]
    result = parse(csv_bytes(rows))
    assert {e.column for e in result.errors} == {"Фамилия", "Имя"}
    assert all("separate columns" in m for m in messages(result))


def test_a_column_given_twice_is_refused():
    rows = [["Фамилия", "Имя", "имя", "Дата рождения"]]
    assert messages(parse(csv_bytes(rows))) == ["Row 1: the column «имя» appears twice"]


def test_an_empty_surname_cell_is_refused_with_row_and_column():
    rows = as_text_rows(good_pupils())
    rows[3][1] = "  "
    result = parse(xlsx_bytes(rows), "4a.xlsx")
    assert messages(result) == ["Row 4, column «Фамилия»: the name is empty"]


def test_duplicate_rows_name_both_rows():
    rows = as_text_rows(good_pupils())
    twin = list(rows[2])
    twin[1] = "ЁЛКИНА"  # the same child, typed differently
    rows.append(twin)
    result = parse(csv_bytes(rows))
    assert messages(result) == ["Rows 3 and 6: the same pupil (name and birth date) appears twice"]
    assert result.errors[0].row == 6


@pytest.mark.parametrize(
    ("birth", "problem"),
    [
        (born(-1, 1, 1), "the birth date is in the future"),
        (born(3, 1, 1), "the pupil would be 3 years old; a pupil is 5 to 20"),
        (born(40, 1, 1), "the pupil would be 40 years old; a pupil is 5 to 20"),
    ],
)
def test_implausible_birth_dates_are_refused(birth, problem):
    rows = as_text_rows([("Иванов", "Иван", "", birth, "", "")])
    result = parse(xlsx_pupils([("Иванов", "Иван", "", birth, "", "")]), "4a.xlsx")
    assert len(result.errors) == 1
    assert result.errors[0].row == 2
    assert result.errors[0].column == "Дата рождения"
    assert problem in messages(result)[0]
    assert messages(parse(csv_bytes(rows))) == messages(result)


def test_an_empty_birth_date_is_refused():
    rows = as_text_rows([("Иванов", "Иван", "", "", "", "")])
    assert messages(parse(csv_bytes(rows))) == [
        "Row 2, column «Дата рождения»: the birth date is empty"
    ]


def test_a_hyperlink_formula_in_a_workbook_is_refused():
    rows = as_text_rows(good_pupils())
    rows[2][2] = '=HYPERLINK("http://x","y")'
    result = parse(xlsx_bytes(rows), "4a.xlsx")
    assert messages(result) == [
        'Row 3, column «Имя»: «=HYPERLINK("http://x","y")» is a formula or starts with '
        "= + - @; such cells are refused because a spreadsheet would run them"
    ]


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+7 900", "@SUM(1)", "-2+3"])
def test_formula_text_in_a_csv_is_refused(text):
    rows = as_text_rows(good_pupils())
    rows[2][5] = text
    result = parse(csv_bytes(rows))
    assert [(e.row, e.column) for e in result.errors] == [(3, "E-mail")]
    assert "is a formula or starts with = + - @" in messages(result)[0]


def test_utf16_text_is_refused():
    data = "\r\n".join(";".join(r) for r in as_text_rows(good_pupils())).encode("utf-16")
    result = parse(data)
    assert [(e.row, e.column) for e in result.errors] == [(None, "")]
    assert "not text in UTF-8 or Windows-1251" in messages(result)[0]


def test_utf16_without_byte_order_mark_is_refused():
    data = "\r\n".join(";".join(r) for r in as_text_rows(good_pupils())).encode("utf-16-le")
    assert "not text in UTF-8 or Windows-1251" in messages(parse(data))[0]


@pytest.mark.parametrize("as_upload", [True, False])
def test_a_20_mb_file_is_refused_naming_the_limit(as_upload):
    header = csv_bytes([HEADER])
    data = header + b"x" * (20 * 1024 * 1024)
    file = SimpleUploadedFile("4a.csv", data) if as_upload else io.BytesIO(data)
    result = class_list_parse(file=file, filename="4a.csv")
    assert messages(result) == [
        f"The file is larger than {filesizeformat(MAX_BYTES)}; a class list is much smaller"
    ]


def test_the_size_limit_is_a_setting(settings):
    settings.CLASS_LIST_MAX_BYTES = 100
    result = parse(csv_bytes(as_text_rows(good_pupils())))
    assert filesizeformat(100) in messages(result)[0]


@pytest.mark.parametrize("filename", ["4a.xlsx", "4a.csv"])
def test_a_renamed_pdf_is_refused(filename):
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    result = parse(data, filename)
    assert messages(result) == [
        f"The file «{filename}» is not an Excel workbook although its name says so"
        if filename.endswith(".xlsx")
        else f"The file «{filename}» is not a CSV text file although its name says so"
    ]


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    result = parse(buffer.getvalue(), "4a.xlsx")
    assert messages(result) == [
        "The file «4a.xlsx» is not an Excel workbook although its name says so"
    ]


@pytest.mark.parametrize("filename", ["4a.xls", "4a.txt", "4a.pdf", "4a"])
def test_other_file_types_are_refused(filename):
    result = parse(csv_bytes(as_text_rows(good_pupils())), filename)
    assert len(result.errors) == 1
    assert result.errors[0].row is None


def test_more_than_the_row_limit_is_refused():
    pupils = [
        ("Иванов", "Иван", "", born(10, 1 + n % 12, 1 + n % 28), "", "") for n in range(MAX_ROWS)
    ]
    pupils.append(("Петров", "Пётр", "", born(10, 1, 1), "", ""))
    result = parse(csv_bytes(as_text_rows(pupils)))
    assert f"more than {MAX_ROWS} pupils" in messages(result)[-1]
    assert result.rows == []


def test_a_file_with_only_the_header_is_refused():
    assert "holds no pupils" in messages(parse(csv_bytes([HEADER])))[0]
    assert "holds no pupils" in messages(parse(b""))[0]


def test_a_suspiciously_large_class_is_a_warning_not_an_error():
    pupils = [("Иванов", f"Иван{'а' * n}", "", born(10, 1, 1), "", "4А") for n in range(61)]
    result = parse(csv_bytes(as_text_rows(pupils)))
    assert result.ok
    assert len(result.rows) == 61
    assert ["61 pupils in class «4А» is more than 60" in str(w) for w in result.warnings] == [True]


class TestLikelyDuplicatesOfExistingPeople:
    def test_flagged_with_one_query_for_the_whole_list(self, django_assert_num_queries):
        existing = User.objects.create(
            username="yolkina.y",
            last_name="ЁЛКИНА",
            first_name="йоланта",
            birth_date=born(9, 3, 15),
        )
        # A namesake born on another day is a different child.
        User.objects.create(
            username="ivanov.i",
            last_name="Иванов",
            first_name="Иван",
            patronymic="Иванович",
            birth_date=born(12, 1, 1),
        )
        result = parse(csv_bytes(as_text_rows(good_pupils())))
        with django_assert_num_queries(1):
            class_list_flag_duplicates(result)
        assert [(w.row, w.matches) for w in result.warnings] == [(3, (existing.pk,))]
        assert "probably already has an account (yolkina.y)" in str(result.warnings[0])

    def test_an_account_without_birth_date_matches_by_name(self, django_assert_num_queries):
        staff = User.objects.create(
            username="shchukin",
            last_name="Щукин-Подъячев",
            first_name="Ярослав",
            patronymic="Ильич",
        )
        result = parse(csv_bytes(as_text_rows(good_pupils())))
        with django_assert_num_queries(1):
            class_list_flag_duplicates(result)
        assert [(w.row, w.matches) for w in result.warnings] == [(4, (staff.pk,))]
        assert "same name and no birth date" in str(result.warnings[0])

    def test_a_list_with_errors_is_not_looked_up(self, django_assert_num_queries):
        result = parse(csv_bytes([HEADER]))
        with django_assert_num_queries(0):
            class_list_flag_duplicates(result)
        assert result.warnings == []
