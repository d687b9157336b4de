"""Staged imports (issue 13 §2): spreadsheets and MARC staged, matched, previewed,
committed whole and undone whole; bad files refused naming record and field with the
catalogue unchanged; the command says the same through its exit code."""

import pytest
from django.core.management import CommandError, call_command

from library.imports.staging import batch_commit, batch_stage, batch_undo
from library.models import BatchState, Edition, ImportBatch, RecordStatus

from . import files


def stage(data, declared=None, name="catalogue.csv"):
    return batch_stage(data=data, file_name=name, declared_format=declared, owner=None)


def statuses(batch):
    return list(batch.records.order_by("number").values_list("status", flat=True))


def problems(batch) -> list[tuple]:
    found = [(None, None, problem["field"]) for problem in batch.problems]
    for record in batch.records.order_by("number"):
        found += [(record.number, record.row, problem["field"]) for problem in record.problems]
    return found


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ","), ("cp1251", ";"), ("cp1251", ",")],
)
def test_a_spreadsheet_in_either_encoding_and_separator_is_staged_then_committed(
    db, encoding, delimiter
):
    batch = stage(files.csv_bytes(encoding=encoding, delimiter=delimiter))
    assert batch.state == BatchState.STAGED, problems(batch)
    assert statuses(batch) == [RecordStatus.NEW] * 3
    assert not Edition.objects.exists()  # staging changes nothing
    assert batch_commit(batch=batch, actor=None) == 3
    maths = Edition.objects.get(isbn="9785090999991")
    assert maths.title == "Математика. 5 класс. Учебник"
    assert maths.authors == "Никольский С. М.; Потапов М. К."
    assert (maths.year, maths.grade_from, maths.grade_to, maths.copies) == (2023, 5, 5, 60)
    assert maths.on_federal_list and maths.import_batch == batch
    assert Edition.objects.get(title="Капитанская дочка").kind == "fiction"


def test_reimporting_a_file_adds_nothing(db):
    batch_commit(batch=stage(files.csv_bytes()), actor=None)
    again = stage(files.csv_bytes(encoding="cp1251", delimiter=","))
    assert statuses(again) == [RecordStatus.MATCHING] * 3
    assert batch_commit(batch=again, actor=None) == 0
    assert Edition.objects.count() == 3


def test_matching_by_isbn_else_title_first_author_and_year(make_edition):
    by_isbn = make_edition("Другое название", isbn="9785090999991")
    by_title = make_edition("ФИЗИКА. 7 класс — учебник", authors="Пёрышкин И. М.", year=2021)
    batch = stage(files.csv_bytes())
    records = list(batch.records.order_by("number"))
    assert [record.match_id for record in records] == [by_isbn.pk, by_title.pk, None]
    assert statuses(batch) == [RecordStatus.MATCHING, RecordStatus.MATCHING, RecordStatus.NEW]


def test_undo_removes_the_batch_whole(make_edition):
    kept = make_edition("Букварь", year=2015)
    batch = stage(files.csv_bytes())
    batch_commit(batch=batch, actor=None)
    assert batch_undo(batch=batch, actor=None) == 3
    assert list(Edition.objects.all()) == [kept]
    batch.refresh_from_db()
    assert batch.state == BatchState.UNDONE


def test_marc21_and_rusmarc_in_iso2709_and_marcxml(db):
    for data in (
        files.iso2709(files.marc21_record(), files.rusmarc_record()),
        files.marcxml(files.marc21_record(), files.rusmarc_record()),
    ):
        batch = stage(data, name="records.mrc")
        assert batch.state == BatchState.STAGED, problems(batch)
        batch_commit(batch=batch, actor=None)
    algebra = Edition.objects.get(isbn="9785090999991")
    assert algebra.title == "Алгебра. 7 класс: учебник"
    assert (algebra.authors, algebra.publisher, algebra.year) == (
        "Макарычев Ю. Н.",
        "Просвещение",
        2022,
    )
    geometry = Edition.objects.get(title="Геометрия. 7-9 классы: учебник")
    assert (geometry.authors, geometry.year, geometry.bbk) == ("Атанасян", 2020, "22.151я72")
    assert Edition.objects.count() == 2  # the second file matched the first


def _lying_leader() -> bytes:
    good = files.marc21_record().as_marc()
    second = files.marc21_record(title="Геометрия", isbn="").as_marc()
    # The second record's leader claims fewer bytes than it has.
    return good + f"{len(second) - 20:05d}".encode() + second[5:]


def _leader_says_utf8_text_is_not() -> bytes:
    data = files.marc21_record(title="Мама мыла раму").as_marc()
    utf8 = "Ма".encode()
    return data.replace(utf8, "Ма".encode("cp1251") * 2, 1)


BAD_FILES = {
    "broken MARC record": (
        lambda: files.iso2709(files.marc21_record())[:-40],
        [(1, None, "leader/00-04")],
    ),
    "lying leader": (_lying_leader, [(2, None, "leader/00-04")]),
    "no title field": (
        lambda: files.iso2709(files.marc21_record(), files.marc21_record(title="", isbn="")),
        [(2, None, "245$a")],
    ),
    "no title in RUSMARC": (
        lambda: files.marcxml(files.rusmarc_record(title="")),
        [(1, None, "200$a")],
    ),
    "wrong encoding (KOI8-R)": (
        lambda: files.csv_bytes(encoding="koi8-r"),
        [(None, None, "title")],
    ),
    "leader says UTF-8, text is not": (_leader_says_utf8_text_is_not, [(1, None, "leader/09")]),
    "formulas": (
        lambda: files.xlsx_bytes([["Алгебра", "Макарычев", 2020, "7"]], formula_at="A3"),
        [(2, 3, "Название")],
    ),
    "a file of 20 MB": (
        lambda: files.csv_bytes() + b"x" * (20 * 1024 * 1024),
        [(None, None, "file")],
    ),
    "a bad year, ISBN and grades": (
        lambda: files.csv_bytes(
            ["Алгебра|Макарычев|Просвещение|двадцатый|978-5-09-000000-1|Алгебра|13|учебник|5|да"]
        ),
        [(1, 2, "Год"), (1, 2, "ISBN"), (1, 2, "Классы")],
    ),
    "XLSX declared, CSV given": (lambda: files.csv_bytes(), [(None, None, "file")]),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_refused_naming_record_and_field(make_edition, name):
    kept = make_edition("Букварь")
    make, expected = BAD_FILES[name]
    declared = "xlsx" if name.startswith("XLSX declared") else None
    batch = stage(make(), declared)
    assert batch.state == BatchState.REFUSED
    assert problems(batch) == expected
    with pytest.raises(Exception, match="staged batch without problems"):
        batch_commit(batch=batch, actor=None)
    assert list(Edition.objects.all()) == [kept]


def test_every_problem_is_worded_for_a_person(db):
    batch = stage(files.xlsx_bytes([["Алгебра", "Макарычев", 2020, "7"]], formula_at="A3"))
    record = batch.records.get(status=RecordStatus.PROBLEM)
    assert record.problems == [
        {"field": "Название", "message": "a formula; only values are imported, never formulas"}
    ]


def test_the_command_stages_commits_and_refuses_with_a_non_zero_exit(tmp_path, db, capsys):
    good = tmp_path / "catalogue.csv"
    good.write_bytes(files.csv_bytes(encoding="cp1251"))
    call_command("library_import", str(good))
    assert not Edition.objects.exists()  # no --commit: a preview only
    call_command("library_import", str(good), "--commit")
    assert Edition.objects.count() == 3
    output = capsys.readouterr().out
    assert "3/3" in output and "new 3" in output
    call_command("library_import", str(good), "--commit", "--format", "csv")
    assert "already in the catalogue 3" in capsys.readouterr().out
    assert Edition.objects.count() == 3

    bad = tmp_path / "records.mrc"
    bad.write_bytes(_lying_leader())
    with pytest.raises(CommandError, match="refused"):
        call_command("library_import", str(bad), "--commit")
    assert "record 2, leader/00-04" in capsys.readouterr().err
    assert Edition.objects.count() == 3
    assert ImportBatch.objects.filter(state=BatchState.REFUSED).count() == 1


def test_the_admin_stages_in_the_background_then_commits_and_undoes(librarian, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from eios.jobs import Job, JobState

    client.force_login(librarian)
    upload = SimpleUploadedFile("catalogue.csv", files.csv_bytes(encoding="cp1251"))
    response = client.post("/admin/library/imports/", {"file": upload, "format": ""})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.state == JobState.DONE, job.message
    batch = ImportBatch.objects.get()
    assert job.result_url == batch.get_absolute_url()
    page = client.get(batch.get_absolute_url())
    assert page.status_code == 200
    assert "Капитанская дочка" in page.content.decode()
    client.post(batch.get_absolute_url(), {"action": "commit"})
    assert Edition.objects.count() == 3
    client.post(batch.get_absolute_url(), {"action": "undo"})
    assert not Edition.objects.exists()


def test_imports_are_for_those_who_add_editions(student, client):
    client.force_login(student)
    assert client.get("/admin/library/imports/").status_code in {302, 403}
