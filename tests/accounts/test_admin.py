"""«People and orders» in the Wagtail admin: what the administrator sees and can do."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import (
    Appointment,
    Block,
    BlockKind,
    ClassMembership,
    Order,
    OrderKind,
    Position,
    SchoolClass,
    TermsVersion,
    User,
)
from accounts.services.blocking import account_block
from eios.audit import AuditEvent, AuditKind
from tests.factories import SIGNED, admin_person_create, order_create

pytestmark = pytest.mark.django_db

# The people list, whatever its length (12 measured, once the current terms of use are
# cached): session, user, terms, Wagtail's profile, locales and pages of the menu, the
# filter choices (positions, classes), the count, the page of people, their current
# appointments and their current classes.
PEOPLE_LIST_BUDGET = 13


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def admin_client(client, director):
    client.force_login(director)
    return client


def people(count, school_class, position, start=0):
    users = User.objects.bulk_create(
        User(username=f"pupil{i:03}", last_name=f"Ученик{i:03}", first_name="Имя")
        for i in range(start, start + count)
    )
    today = timezone.localdate()
    ClassMembership.objects.bulk_create(
        ClassMembership(user=u, school_class=school_class, started_on=today) for u in users
    )
    Appointment.objects.bulk_create(
        Appointment(user=u, position=position, started_on=today) for u in users
    )
    return users


# People ----------------------------------------------------------------------------------


def test_people_list_shows_positions_class_and_status(admin_client, enrol, teacher):
    ivanov, petrova = enrol(("Иванов", "Пётр"), ("Петрова", "Анна"))
    account_block(user=petrova, kind=BlockKind.ADMINISTRATOR, reason="Пароль узнали")

    page = text(admin_client.get(reverse("people:index")))

    assert "Иванов Пётр" in page
    assert ivanov.username in page
    assert "5А" in page
    assert "Классный руководитель" in page  # the teacher's position
    assert "Обучающийся" in page
    row = page[page.index("Петрова Анна") :]
    assert "blocked" in row[: row.index("</tr>")]


def test_people_list_filters_by_status_class_and_position(
    admin_client, enrol, teacher, school, school_class
):
    _ivanov, petrova = enrol(("Иванов", "Пётр"), ("Петрова", "Анна"))
    account_block(user=petrova, kind=BlockKind.ADMINISTRATOR, reason="Пароль узнали")
    other = SchoolClass.objects.create(school=school, name="6Б", year=school_class.year)
    index = reverse("people:index")

    blocked = text(admin_client.get(index, {"status": "blocked"}))
    assert "Петрова Анна" in blocked
    assert "Иванов Пётр" not in blocked

    active = text(admin_client.get(index, {"status": "active"}))
    assert "Иванов Пётр" in active
    assert "Петрова Анна" not in active

    in_class = text(admin_client.get(index, {"school_class": school_class.pk}))
    assert "Иванов Пётр" in in_class
    assert "Белова Ирина" not in in_class
    assert "Иванов Пётр" not in text(admin_client.get(index, {"school_class": other.pk}))

    teachers = Position.objects.get(code="class_teacher")
    by_position = text(admin_client.get(index, {"position": teachers.pk}))
    assert "Белова Ирина" in by_position
    assert "Иванов Пётр" not in by_position


def test_people_list_runs_the_same_queries_for_5_and_50_people(
    admin_client, school_class, student_position, django_assert_max_num_queries
):
    index = reverse("people:index")
    admin_client.get(index)  # warm the per-process caches (current terms of use)
    counts = []
    for start, count in ((0, 5), (5, 45)):  # 5 people, then 50
        people(count, school_class, student_position, start)
        with (
            django_assert_max_num_queries(PEOPLE_LIST_BUDGET),
            CaptureQueriesContext(connection) as queries,
        ):
            response = admin_client.get(index)
        assert response.status_code == 200
        counts.append(len(queries))
    assert User.objects.count() == 50 + 2  # the pupils, the director and the teacher
    assert counts[0] == counts[1]


def test_block_with_a_reason_blocks_records_and_audits(admin_client, director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))

    response = admin_client.post(
        reverse("people:block", args=[pupil.pk]), {"reason": "Пароль видели другие"}
    )

    assert response.status_code == 302
    pupil.refresh_from_db()
    assert not pupil.is_active
    block = Block.objects.get(user=pupil, lifted_at__isnull=True)
    assert block.reason == "Пароль видели другие"
    assert block.kind == BlockKind.ADMINISTRATOR
    assert block.blocked_by == director
    event = AuditEvent.objects.filter(kind=AuditKind.BLOCK, subject=pupil).get()
    assert event.actor == director
    page = text(admin_client.get(response.url))
    assert "is blocked" in page
    assert "Пароль видели другие" in page  # the block history on the person's page
    assert "by the administrator" in page


def test_block_without_a_reason_changes_nothing(admin_client, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))

    response = admin_client.post(reverse("people:block", args=[pupil.pk]), {"reason": "   "})

    assert response.status_code == 200
    assert "This field is required." in text(response)
    assert "The account was not changed." in text(response)
    pupil.refresh_from_db()
    assert pupil.is_active
    assert not Block.objects.filter(user=pupil).exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.BLOCK).exists()


def test_blocking_is_refused_without_the_permission(client, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    clerk = admin_person_create("clerk", "view_user")
    client.force_login(clerk)

    assert client.get(reverse("people:index")).status_code == 200
    person_page = text(client.get(reverse("people:inspect", args=[pupil.pk])))
    assert reverse("people:block", args=[pupil.pk]) not in person_page
    response = client.post(reverse("people:block", args=[pupil.pk]), {"reason": "Просто так"})

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    pupil.refresh_from_db()
    assert pupil.is_active
    assert not Block.objects.exists()


def test_unblock_with_a_reason(admin_client, director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    account_block(user=pupil, kind=BlockKind.ADMINISTRATOR, reason="Пароль узнали")
    url = reverse("people:unblock", args=[pupil.pk])

    assert "This field is required." in text(admin_client.post(url, {"reason": ""}))
    pupil.refresh_from_db()
    assert not pupil.is_active

    response = admin_client.post(url, {"reason": "Пароль сменён"})

    assert response.status_code == 302
    pupil.refresh_from_db()
    assert pupil.is_active
    block = Block.objects.get(user=pupil)
    assert block.lift_reason == "Пароль сменён"
    assert block.lifted_by == director
    assert AuditEvent.objects.filter(kind=AuditKind.UNBLOCK, subject=pupil).exists()


def test_people_cannot_be_added_edited_or_deleted_here(admin_client, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    for name in ("people:add", "people:edit", "people:delete"):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=[pupil.pk]) if name != "people:add" else reverse(name)
    page = text(admin_client.get(reverse("people:inspect", args=[pupil.pk])))
    assert "Delete" not in page


# Orders ----------------------------------------------------------------------------------


def order_form(school, *lines, number="15-у", kind=OrderKind.ENROLMENT):
    data = {
        "school": school.pk,
        "number": number,
        "date": timezone.localdate().isoformat(),
        "kind": kind,
        "title": "О зачислении",
        **SIGNED,
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    empty = {
        "id": "",
        "person": "",
        "last_name": "",
        "first_name": "",
        "patronymic": "",
        "birth_date": "",
        "school_class": "",
        "position": "",
        "position_left": "",
        "ORDER": "",
        "DELETE": "",
    }
    for index, line in enumerate(lines):
        for field, value in {**empty, "ORDER": str(index + 1), **line}.items():
            data[f"lines-{index}-{field}"] = value
    return data


def test_an_order_made_in_the_admin_and_applied_there_enrols_the_pupils(
    admin_client, director, school, school_class, student_position
):
    data = order_form(
        school,
        {"last_name": "Сидоров", "first_name": "Олег", "school_class": school_class.pk},
        {
            "last_name": "Кузнецова",
            "first_name": "Мария",
            "birth_date": "2015-03-08",
            "school_class": school_class.pk,
        },
    )

    response = admin_client.post(reverse("orders:add"), data)

    assert response.status_code == 302, text(response)
    order = Order.objects.get(number="15-у")
    assert not order.is_applied
    assert [str(line) for line in order.lines.all()] == ["Сидоров Олег", "Кузнецова Мария"]
    listing = text(admin_client.get(reverse("orders:index")))
    assert "15-у" in listing
    assert "draft" in listing

    apply_url = reverse("orders:apply", args=[order.pk])
    confirmation = text(admin_client.get(apply_url))
    assert "Yes, apply the order" in confirmation
    assert "Кузнецова Мария" in confirmation

    response = admin_client.post(apply_url)

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.is_applied
    assert order.applied_by == director
    pupil = User.objects.get(last_name="Кузнецова")
    assert pupil.birth_date == datetime.date(2015, 3, 8)
    assert ClassMembership.objects.get(user=pupil, ended_on__isnull=True).school_class == (
        school_class
    )
    assert "applied" in text(admin_client.get(reverse("orders:index")))


def test_an_expulsion_applied_in_the_admin_blocks_the_pupil(admin_client, school, director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    order = order_create(school, OrderKind.EXPULSION, director, {"person": pupil}, apply=False)

    admin_client.post(reverse("orders:apply", args=[order.pk]))

    pupil.refresh_from_db()
    assert not pupil.is_active
    assert Block.objects.get(user=pupil).kind == BlockKind.ORDER


def test_an_order_with_problems_is_not_applied_and_says_why(admin_client, school, director):
    order = order_create(
        school, OrderKind.ENROLMENT, director, {"last_name": "Сидоров"}, apply=False
    )
    apply_url = reverse("orders:apply", args=[order.pk])

    confirmation = text(admin_client.get(apply_url))
    assert "give the last and first name of the new person." in confirmation
    assert "choose the class." in confirmation
    assert "Yes, apply the order" not in confirmation

    response = admin_client.post(apply_url)

    assert response.status_code == 200
    assert "choose the class." in text(response)
    order.refresh_from_db()
    assert not order.is_applied
    assert not User.objects.filter(last_name="Сидоров").exists()


def test_an_applied_order_cannot_be_edited_or_deleted_in_the_admin(
    admin_client, school, director, enrol
):
    (pupil,) = enrol(("Иванов", "Пётр"))
    order = Order.objects.get(lines__person=pupil)
    edit_url = reverse("orders:edit", args=[order.pk])
    inspect_url = reverse("orders:inspect", args=[order.pk])

    response = admin_client.get(edit_url)
    assert response.status_code == 302
    assert response.url == inspect_url
    assert "An applied order cannot be changed" in text(admin_client.get(inspect_url))

    data = order_form(school, number="999", kind=OrderKind.EXPULSION)
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.number != "999"
    assert order.kind == OrderKind.ENROLMENT

    response = admin_client.post(reverse("orders:delete", args=[order.pk]))
    assert response.status_code == 302
    assert Order.objects.filter(pk=order.pk).exists()
    assert reverse("orders:apply", args=[order.pk]) not in text(admin_client.get(inspect_url))


def test_a_draft_order_can_still_be_edited(admin_client, school, director):
    order = order_create(
        school, OrderKind.ENROLMENT, director, {"last_name": "Сидоров"}, apply=False
    )
    assert admin_client.get(reverse("orders:edit", args=[order.pk])).status_code == 200


# Classes, positions, terms ---------------------------------------------------------------


def test_classes_list_links_to_credential_slips(admin_client, school_class):
    page = text(admin_client.get(reverse("classes:index")))
    assert "5А" in page
    assert reverse("class_detail", args=[school_class.pk]) in page
    assert "Credential slips" in page


def test_positions_and_terms_lists_open(admin_client, director, teacher, terms):
    # With terms of use in force, the director must have accepted them to reach the admin.
    director.terms_acceptances.create(version=terms)
    assert "Классный руководитель" in text(admin_client.get(reverse("positions:index")))
    assert "Правила использования ЭИОС" in text(admin_client.get(reverse("terms:index")))


def test_the_menu_groups_people_and_orders(admin_client):
    page = text(admin_client.get(reverse("wagtailadmin_home")))
    assert "People and orders" in page


def test_every_admin_screen_opens(admin_client, school, school_class, director, enrol):
    (pupil,) = enrol(("Иванов", "Пётр"))
    draft = order_create(school, OrderKind.EXPULSION, director, {"person": pupil}, apply=False)
    position = Position.objects.get(code="student")
    person_page = text(admin_client.get(reverse("people:inspect", args=[pupil.pk])))
    assert reverse("people:block", args=[pupil.pk]) in person_page
    assert "The account has never been blocked." in person_page
    for url in (
        reverse("people:index") + "?q=Иванов",
        reverse("people:block", args=[pupil.pk]),
        reverse("orders:index"),
        reverse("orders:add"),
        reverse("orders:edit", args=[draft.pk]),
        reverse("orders:inspect", args=[draft.pk]),
        reverse("orders:delete", args=[draft.pk]),
        reverse("classes:add"),
        reverse("classes:edit", args=[school_class.pk]),
        reverse("positions:add"),
        reverse("positions:edit", args=[position.pk]),
        reverse("terms:add"),
    ):
        assert admin_client.get(url).status_code == 200, url


def test_accepted_terms_cannot_be_changed_only_superseded(admin_client, director, terms):
    director.terms_acceptances.create(version=terms)
    edit_url = reverse("terms:edit", args=[terms.pk])

    response = admin_client.post(
        edit_url,
        {
            "version": terms.version,
            "title": "Другие правила",
            "text": "Новый текст",
            "published_at": timezone.localtime(terms.published_at).strftime("%Y-%m-%d %H:%M"),
        },
        follow=True,
    )

    terms.refresh_from_db()
    assert terms.title == "Правила использования ЭИОС"
    assert "has been accepted by users and cannot be changed" in text(response)
    assert admin_client.get(edit_url).status_code == 302


def test_a_next_version_nobody_accepted_yet_can_be_corrected(admin_client, director, terms):
    director.terms_acceptances.create(version=terms)
    next_version = TermsVersion.objects.create(
        version="2",
        title="Правила 2027",
        text="Проект",
        published_at=timezone.now() + datetime.timedelta(days=30),
    )
    assert admin_client.get(reverse("terms:edit", args=[next_version.pk])).status_code == 200


def test_order_lines_choose_people_by_search_not_from_a_list_of_everyone(
    client, school, school_class, enrol
):
    enrol(("Иванов", "Пётр"), ("Петрова", "Анна"), ("Сидоров", "Иван"))
    clerk = admin_person_create("clerk", "add_order", "change_order", "view_order")
    client.force_login(clerk)

    form = text(client.get(reverse("orders:add")))
    assert "Петрова" not in form  # no <option> per person
    assert reverse("person_chooser:choose") in form

    found = client.get(reverse("person_chooser:choose_results"), {"q": "петр"})
    assert found.status_code == 200
    names = text(found)
    assert "Петрова Анна" in names
    assert "Иванов" not in names
    assert "Сидоров" not in names

    by_two_words = text(client.get(reverse("person_chooser:choose_results"), {"q": "Иван сидор"}))
    assert "Сидоров Иван" in by_two_words
    assert "Иванов" not in by_two_words


def test_the_person_chooser_is_closed_to_staff_who_edit_no_orders_or_classes(client, enrol):
    enrol(("Иванов", "Пётр"))
    editor = admin_person_create("editor", "view_order")
    client.force_login(editor)

    for name in ("person_chooser:choose", "person_chooser:choose_results"):
        response = client.get(reverse(name), {"q": "Иванов"})
        # Wagtail answers a refused admin view by sending the user to the dashboard.
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")


def test_wagtail_users_screen_neither_deletes_nor_silently_deactivates(
    admin_client, director, enrol
):
    (pupil,) = enrol(("Иванов", "Пётр"))
    edit_url = reverse("wagtailusers_users:edit", args=[pupil.pk])

    form = text(admin_client.get(edit_url))
    assert 'name="is_active"' not in form
    with pytest.raises(NoReverseMatch):
        reverse("wagtailusers_users:delete", args=[pupil.pk])

    bulk = reverse("wagtail_bulk_action", args=["accounts", "user", "delete"]) + f"?id={pupil.pk}"
    admin_client.post(bulk)
    bulk_inactive = (
        reverse("wagtail_bulk_action", args=["accounts", "user", "set_active_state"])
        + f"?id={pupil.pk}"
    )
    admin_client.post(bulk_inactive, {"mark_as_active": ""})

    pupil.refresh_from_db()
    assert pupil.is_active
    assert not Block.objects.filter(user=pupil).exists()
