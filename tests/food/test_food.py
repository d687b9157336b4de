"""/food/ for the federal monitoring of school meals (issue 14, item 1; Минпросвещения
letter ГД-1158/01 of 17.05.2021): editors upload the menus, each file checked; the folder
and its files as a robot fetches them; the reminder when tomorrow's menu is missing."""

import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from cms.demo.pdf import minimal_pdf
from cms.food.models import MenuFile
from cms.food.selectors import menu_missing
from tests.clients import signed_in

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(dish: str = "Каша овсяная") -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Приём пищи", "Блюдо", "Выход, г"])
    book.active.append(["Завтрак", dish, 200])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, workbook() if content is None else content, XLSX)


@pytest.fixture
def cook(school_site, django_user_model):
    """Whoever publishes the menus: in the admin, with the permission to upload them."""
    group = Group.objects.create(name="Ответственные за питание")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="food"),
    )
    user = django_user_model.objects.create_user("cook", password="x", is_staff=True)
    user.groups.add(group)
    return signed_in(user)


def upload(client, *files):
    return client.post("/admin/food/", {"files": list(files)}, follow=True)


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


def test_an_editor_uploads_a_daily_menu_and_a_robot_fetches_it(cook):
    content = workbook("Омлет натуральный")
    response = upload(cook, xlsx("2026-09-01-sm.xlsx", content))
    assert messages_of(response) == ["«2026-09-01-sm.xlsx» опубликован."]

    robot = Client()
    index = robot.get("/food/")
    assert index.status_code == 200
    assert index["Content-Type"] == "text/html; charset=utf-8"
    links = [a["href"] for a in BeautifulSoup(index.content, "html.parser").select("td a")]
    assert links == ["../", "2026-09-01-sm.xlsx"]

    menu = robot.get("/food/2026-09-01-sm.xlsx")
    assert menu.status_code == 200
    assert menu["Content-Type"] == XLSX
    assert b"".join(menu.streaming_content) == content
    assert "Last-Modified" in menu
    assert robot.get("/food/2026-09-02-sm.xlsx").status_code == 404


@pytest.mark.parametrize(
    "name", ["findex.xlsx", "tm2026-sm.xlsx", "kp2026-sm.xlsx", "2026-09-01-SM.xlsx"]
)
def test_every_accepted_form_of_name_is_published(cook, name):
    upload(cook, xlsx(name))
    assert Client().get(f"/food/{name.lower()}").status_code == 200


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("меню на понедельник.xlsx", "не то имя, которое принимает мониторинг"),
        ("2026-09-01.xlsx", "не то имя, которое принимает мониторинг"),
        ("2026-09-01-sm.xls", "не то имя, которое принимает мониторинг"),
        ("2026-02-30-sm.xlsx", "такой даты нет"),
    ],
)
def test_a_bad_name_is_refused_with_a_message(cook, name, message):
    response = upload(cook, xlsx(name))
    assert [text for text in messages_of(response) if message in text]
    assert not MenuFile.objects.exists()


@pytest.mark.parametrize(
    "content",
    [minimal_pdf("Меню"), b"PK\x03\x04 not a zip at all", "Каша;200\n".encode()],
    ids=["a PDF", "a broken zip", "CSV text"],
)
def test_a_file_that_is_not_xlsx_is_refused_with_a_message(cook, content):
    response = upload(cook, xlsx("2026-09-01-sm.xlsx", content))
    assert messages_of(response) == [
        "«2026-09-01-sm.xlsx» — не книга Excel (XLSX). Сохраните меню из Excel или "
        "LibreOffice Calc как «Excel 2007-365 (.xlsx)»."
    ]
    assert Client().get("/food/2026-09-01-sm.xlsx").status_code == 404


def test_a_menu_uploaded_again_replaces_the_old_one(cook):
    upload(cook, xlsx("2026-09-01-sm.xlsx", workbook("Каша")))
    upload(cook, xlsx("2026-09-01-sm.xlsx", workbook("Сырники")))
    assert MenuFile.objects.count() == 1
    content = b"".join(Client().get("/food/2026-09-01-sm.xlsx").streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet["B2"].value == "Сырники"


def test_the_index_is_cached_for_robots_until_a_menu_changes(
    cook, django_capture_on_commit_callbacks
):
    robot = Client()
    robot.get("/food/")
    assert robot.get("/food/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        upload(cook, xlsx("2026-09-01-sm.xlsx"))
    assert "2026-09-01-sm.xlsx" in robot.get("/food/").content.decode()


def test_catering_links_to_the_menus(cook):
    today = timezone.localdate()
    upload(cook, xlsx(f"{today.isoformat()}-sm.xlsx"), xlsx(f"tm{today.year}-sm.xlsx"))
    html = BeautifulSoup(Client().get("/sveden/catering/").content, "html.parser")
    links = {a["href"] for a in html.select("main a")}
    assert {
        "/food/",
        f"/food/{today.isoformat()}-sm.xlsx",
        f"/food/tm{today.year}-sm.xlsx",
    } <= links


def test_only_those_who_publish_menus_reach_the_folder_in_the_admin(school_site, django_user_model):
    group = Group.objects.create(name="Редакторы сайта")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(group)
    client = signed_in(editor)
    # Wagtail answers a refused admin address with its home page and a message.
    assert client.get("/admin/food/")["Location"] == "/admin/"
    assert client.post("/admin/food/", {"files": [xlsx("findex.xlsx")]})["Location"] == "/admin/"
    assert not MenuFile.objects.exists()
    assert "/admin/food/" not in client.get("/admin/").content.decode()


@pytest.fixture
def every_day_after_the_hour(settings):
    # Whatever day and hour the tests run: tomorrow has meals and the deadline has passed.
    settings.FOOD_MENU_DEADLINE_HOUR = 0
    settings.FOOD_MENU_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]


def test_food_check_fails_when_tomorrows_menu_is_missing_after_the_hour(
    cook, every_day_after_the_hour
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(CommandError, match=f"/food/{tomorrow.isoformat()}-sm.xlsx"):
        call_command("food_check", stdout=io.StringIO())
    upload(cook, xlsx(f"{tomorrow.isoformat()}-sm.xlsx"))
    out = io.StringIO()
    call_command("food_check", stdout=out)
    assert "в порядке" in out.getvalue()


def test_the_editors_home_page_in_the_admin_says_the_menu_is_missing(
    cook, every_day_after_the_hour
):
    html = cook.get("/admin/").content.decode()
    assert "ещё нет в /food/" in html
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    upload(cook, xlsx(f"{tomorrow.isoformat()}-sm.xlsx"))
    assert "ещё нет в /food/" not in cook.get("/admin/").content.decode()


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_menu_is_due_only_after_the_hour_and_only_for_a_school_day(school_site):
    thursday, friday = datetime.date(2026, 9, 3), datetime.date(2026, 9, 4)
    sunday = datetime.date(2026, 9, 6)
    assert menu_missing(school_site, _at(thursday, 17)) is None  # 18:00 by default
    assert menu_missing(school_site, _at(thursday, 18)) == friday
    assert menu_missing(school_site, _at(friday, 20)) is None  # no meals on Saturday
    assert menu_missing(school_site, _at(sunday, 19)) == datetime.date(2026, 9, 7)
