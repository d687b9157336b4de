"""An order never registers a second account for someone the school has (regulation §6.5):
a line naming a new person is checked against people on record and the other lines of
the order — surname, name, patronymic, birth date; case and ё/е aside — and refused,
naming the line and the person, unless the office marks it as a namesake."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Order, OrderKind, OrderLine, Position, User
from accounts.services.orders import order_problems
from tests.clients import signed_in
from tests.factories import SIGNED, order_create

from .conftest import order_edit_form
from .files import good_pupils, xlsx_pupils

pytestmark = pytest.mark.django_db

BORN = datetime.date(2015, 3, 8)


def apply(office, order):
    return office.post(reverse("orders:apply", args=[order.pk]))


def signed(order, number):
    Order.objects.filter(pk=order.pk).update(
        number=number, date=timezone.localdate() - datetime.timedelta(days=1), **SIGNED
    )
    order.refresh_from_db()
    return order


def test_the_same_class_list_uploaded_twice_enrols_nobody_twice(
    teacher, office, school_class, student_position
):
    uploader = signed_in(teacher)
    for _ in range(2):
        uploader.post(
            reverse("class_list_upload", args=[school_class.pk]),
            {"file": SimpleUploadedFile("5a.xlsx", xlsx_pupils(good_pupils()))},
        )
    first, second = (
        signed(order, str(n)) for n, order in enumerate(Order.objects.order_by("pk"), start=1)
    )
    assert apply(office, first).status_code == 302
    people = User.objects.count()

    response = apply(office, second)

    assert response.status_code == 200
    page = response.content.decode()
    ivanov = User.objects.get(last_name="Иванов")
    assert "Line 1 (Иванов Иван Иванович): the school already has" in page
    assert f"Иванов Иван Иванович ({ivanov.username}), born" in page
    assert "Line 4 (Д&#x27;Артаньян Шарль)" in page
    second.refresh_from_db()
    assert not second.is_applied
    assert User.objects.count() == people


@pytest.mark.parametrize(
    ("on_record", "typed"),
    [
        (("Ёлкина", "Йоланта", ""), ("ЕЛКИНА", "йоланта", "")),
        (("ЩУКИН-ПОДЪЯЧЕВ", "ЯРОСЛАВ", "ИЛЬИЧ"), ("Щукин-Подъячев", "Ярослав", "Ильич ")),
        (("Smith", "Anna", ""), ("SMITH", "anna", "")),
    ],
)
def test_case_and_yo_do_not_hide_a_person_on_record(
    office, school, school_class, director, on_record, typed
):
    last, first, patronymic = on_record
    User.objects.create(
        username="existing",
        last_name=last,
        first_name=first,
        patronymic=patronymic,
        birth_date=BORN,
    )
    line = {"last_name": typed[0], "first_name": typed[1], "patronymic": typed[2]}
    order = order_create(
        school,
        OrderKind.ENROLMENT,
        director,
        {**line, "birth_date": BORN, "school_class": school_class},
        apply=False,
    )

    response = apply(office, order)

    assert response.status_code == 200
    assert "(existing), born 08.03.2015" in response.content.decode()
    assert not User.objects.exclude(username="existing").filter(birth_date=BORN).exists()


def test_a_line_marked_as_a_namesake_in_the_admin_registers_a_new_account(
    office, school, school_class, director, enrol
):
    (first,) = enrol(("Иванов", "Пётр"))
    order = order_create(
        school,
        OrderKind.ENROLMENT,
        director,
        {"last_name": "Иванов", "first_name": "Пётр", "school_class": school_class},
        apply=False,
    )
    assert apply(office, order).status_code == 200  # refused: who is this?

    edited = office.post(
        reverse("orders:edit", args=[order.pk]),
        order_edit_form(order, lines={1: {"namesake": "on"}}),
    )
    assert edited.status_code == 302
    assert apply(office, order).status_code == 302

    namesakes = User.objects.filter(last_name="Иванов", first_name="Пётр")
    assert namesakes.count() == 2
    assert set(namesakes.values_list("username", flat=True)) == {first.username, "ivanov.p2"}


def test_a_namesake_born_on_another_day_is_another_person(office, school, school_class, director):
    User.objects.create(username="ivanov.p", last_name="Иванов", first_name="Пётр", birth_date=BORN)
    order = order_create(
        school,
        OrderKind.ENROLMENT,
        director,
        {
            "last_name": "Иванов",
            "first_name": "Пётр",
            "birth_date": BORN + datetime.timedelta(days=1),
            "school_class": school_class,
        },
        apply=False,
    )

    assert apply(office, order).status_code == 302
    assert User.objects.filter(last_name="Иванов").count() == 2


def test_without_a_birth_date_a_person_of_the_same_name_may_be_the_same(office, school, director):
    User.objects.create(
        username="lebedeva.o", last_name="Лебедева", first_name="Ольга", patronymic="Сергеевна"
    )
    teacher = Position.objects.create(code="teacher", name="Учитель")
    order = order_create(
        school,
        OrderKind.HIRING,
        director,
        {
            "last_name": "Лебедева",
            "first_name": "Ольга",
            "patronymic": "Сергеевна",
            "birth_date": datetime.date(1990, 1, 1),
            "position": teacher,
        },
        apply=False,
    )

    response = apply(office, order)

    assert "Лебедева Ольга Сергеевна (lebedeva.o); choose that person" in response.content.decode()
    assert User.objects.filter(last_name="Лебедева").count() == 1


def test_two_lines_of_one_order_naming_the_same_new_person_are_refused(
    office, school, school_class, director
):
    pupil = {"first_name": "Анна", "birth_date": BORN, "school_class": school_class}
    order = order_create(
        school,
        OrderKind.ENROLMENT,
        director,
        {"last_name": "Семёнова", **pupil},
        {"last_name": "СЕМЕНОВА", **pupil},
        apply=False,
    )

    response = apply(office, order)

    assert "Line 2 (СЕМЕНОВА Анна): the same name and birth date as line 1" in (
        response.content.decode()
    )
    assert not User.objects.filter(first_name="Анна").exists()


def test_the_check_costs_the_same_queries_for_a_long_order(school, school_class, director):
    def queries_for(count):
        order = order_create(
            school,
            OrderKind.ENROLMENT,
            director,
            *(
                {"last_name": f"Ученик{n}", "first_name": "Имя", "school_class": school_class}
                for n in range(count)
            ),
            apply=False,
        )
        with CaptureQueriesContext(connection) as queries:
            assert order_problems(order) == []
        return len(queries)

    assert queries_for(2) == queries_for(30)
    assert OrderLine.objects.count() == 32
