"""The import from «Сетевой город. Образование» refuses each bad file naming row and
column and changes nothing; a good file imported twice adds nothing; undo removes a
batch while nothing of it has been confirmed (regulation §11.2–§11.3)."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from eios.jobs import Job, JobState
from portfolio.models import (
    Achievement,
    AchievementSource,
    AchievementStatus,
    ColumnMapping,
    ImportBatch,
)
from portfolio.views import imports as import_views
from tests.clients import signed_in

pytestmark = pytest.mark.django_db

HEADING = "ФИО;Класс;Направленность;Вид;Мероприятие;Организатор;Уровень;Результат;Дата"
GOOD = [
    "Кузнецов Артём;5А;Учебная;Олимпиада;ВсОШ по математике;Минобр;Муниципальный;Призёр;12.11.2026",
    "Иванова Анна;5А;спортивная;ГТО;Знак ГТО;Центр ГТО;региональный;2 место;2026-10-01",
    "Белоусова Ева;6А;Культурно-творческая;Конкурс;Живая классика;;Школьный;Победитель;01.10.2026",
]


@pytest.fixture
def administrator(people):
    people.deputy.user_permissions.add(
        Permission.objects.get(content_type__app_label="portfolio", codename="add_importbatch")
    )
    return signed_in(people.deputy)


def _csv(lines, encoding="utf-8", delimiter=";") -> SimpleUploadedFile:
    text = "\n".join([HEADING, *lines]).replace(";", delimiter)
    return SimpleUploadedFile("sgo.csv", text.encode(encoding))


def _post(client, upload):
    return client.post(reverse("portfolio:import"), {"file": upload})


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("utf-8", ";"), ("cp1251", ";"), ("utf-8-sig", ",")]
)
def test_a_good_file_is_imported_and_a_second_run_adds_nothing(
    people, administrator, encoding, delimiter
):
    response = _post(administrator, _csv(GOOD, encoding, delimiter))
    batch = ImportBatch.objects.get()
    assert response.url == batch.get_absolute_url()
    assert batch.added == 3
    first = Achievement.objects.get(portfolio__pupil=people.student)
    assert (first.source, first.status, first.level, first.result) == (
        AchievementSource.SGO,
        AchievementStatus.SUBMITTED,
        "municipal",
        "prize_winner",
    )
    assert Achievement.objects.get(portfolio__pupil=people.classmate).place == 2

    _post(administrator, _csv(GOOD, encoding, delimiter))
    assert Achievement.objects.count() == 3
    assert ImportBatch.objects.order_by("-pk").first().skipped == 3


def test_an_xlsx_file_is_imported(people, administrator):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADING.split(";"))
    for line in GOOD:
        sheet.append(line.split(";"))
    buffer = io.BytesIO()
    book.save(buffer)
    _post(administrator, SimpleUploadedFile("sgo.xlsx", buffer.getvalue()))
    assert Achievement.objects.count() == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Петров Пётр;5А;Учебная;Олимпиада;ВсОШ;;Школьный;Участник;12.11.2026",
            "Row 3, column «ФИО»: no pupil «Петров Пётр» in class «5А».",
        ),
        (
            "Кузнецов Артём;5А;Учебная;Олимпиада;ВсОШ;;Школьный;Участник;31.02.2026",
            "Row 3, column «Дата»: «31.02.2026» is not a date.",
        ),
        (
            "Кузнецов Артём;5А;Кулинарная;Олимпиада;ВсОШ;;Школьный;Участник;12.11.2026",
            "Row 3, column «Направленность»: unknown value «Кулинарная».",
        ),
        (
            "Кузнецов Артём;5А;Учебная;Олимпиада;ВсОШ;;Галактический;Участник;12.11.2026",
            "Row 3, column «Уровень»: unknown value «Галактический».",
        ),
    ],
)
def test_a_bad_file_is_refused_naming_row_and_column_and_nothing_changes(
    people, administrator, line, expected
):
    response = _post(administrator, _csv([GOOD[0], line]))
    assert response.status_code == 200
    assert expected in response.text.replace("&laquo;", "«").replace("&raquo;", "»")
    assert not Achievement.objects.exists()
    assert not ImportBatch.objects.exists()


def test_a_file_in_another_encoding_is_refused(people, administrator):
    response = _post(administrator, _csv(GOOD, encoding="utf-16"))
    assert "neither UTF-8 nor Windows-1251" in response.text
    response = _post(administrator, _csv(GOOD, encoding="koi8-r"))
    assert "Row 1: there is no column" in response.text.replace("&laquo;", "«")
    assert not Achievement.objects.exists()


def test_the_saved_column_mapping_is_used(people, administrator):
    ColumnMapping.objects.create(
        student="Обучающийся",
        class_name="Класс",
        sphere="Направленность",
        kind="Вид",
        event="Мероприятие",
        organiser="",
        level="Уровень",
        result="Результат",
        date="Дата",
    )
    upload = _csv(GOOD)
    upload.file = io.BytesIO(upload.read().replace("ФИО".encode(), "Обучающийся".encode()))
    _post(administrator, upload)
    assert Achievement.objects.count() == 3


def test_undo_removes_a_batch_unless_something_was_confirmed(people, administrator):
    _post(administrator, _csv(GOOD))
    batch = ImportBatch.objects.get()
    confirmed = Achievement.objects.get(portfolio__pupil=people.student)
    signed_in(people.class_teacher).post(
        reverse("portfolio:achievement_confirm", args=[confirmed.pk])
    )
    administrator.post(reverse("portfolio:import_undo", args=[batch.pk]))
    assert Achievement.objects.count() == 3

    Achievement.objects.filter(pk=confirmed.pk).update(status=AchievementStatus.SUBMITTED)
    administrator.post(reverse("portfolio:import_undo", args=[batch.pk]))
    assert not Achievement.objects.exists()
    batch.refresh_from_db()
    assert batch.undone_at is not None


def test_a_large_file_is_applied_in_the_background_with_progress(
    people, administrator, monkeypatch
):
    monkeypatch.setattr(import_views, "ROWS_IN_REQUEST", 1)
    response = _post(administrator, _csv(GOOD))
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.state == JobState.DONE
    assert (job.done, job.total) == (3, 3)
    assert Achievement.objects.count() == 3


def test_only_the_administrator_imports(people):
    assert signed_in(people.class_teacher).get(reverse("portfolio:import")).status_code == 404


def test_the_administrator_saves_a_column_mapping_in_the_admin(people):
    from accounts.models import User

    admin = signed_in(User.objects.create_superuser("root", password="pass-29"))
    columns = {
        "student": "Ученик",
        "class_name": "Класс",
        "sphere": "Направленность",
        "kind": "Вид",
        "event": "Мероприятие",
        "organiser": "",
        "level": "Уровень",
        "result": "Результат",
        "date": "Дата",
    }
    response = admin.post(reverse("portfolio_columns:add"), columns)
    assert response.status_code == 302
    assert ColumnMapping.current().student == "Ученик"
