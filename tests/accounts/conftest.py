import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from pypdf import PdfReader

from accounts.logins import PASSWORD_ALPHABET
from accounts.models import (
    Order,
    OrderKind,
    OrderLine,
    Position,
    SchoolClass,
    TermsVersion,
    User,
)
from accounts.services.orders import order_apply
from accounts.services.positions import appointment_start
from eios.models import School


@pytest.fixture(autouse=True)
def _english(settings):
    # Assertions read the English source strings; Russian is the default elsewhere.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def school(school_site):
    return School.for_site(school_site)


@pytest.fixture
def student_position(db):
    return Position.objects.create(code="student", name="Обучающийся", is_staff_position=False)


@pytest.fixture
def teacher(db, student_position):
    group = Group.objects.create(name="Классные руководители")
    group.permissions.add(
        Permission.objects.get(codename="issue_credentials"),
        Permission.objects.get(codename="block_user"),
    )
    position = Position.objects.create(
        code="class_teacher", name="Классный руководитель", group=group
    )
    user = User.objects.create_user(
        "belova.i", password="teacher-pass-29", last_name="Белова", first_name="Ирина"
    )
    appointment_start(user=user, position=position, on=timezone.localdate())
    return user


@pytest.fixture
def director(db):
    return User.objects.create_superuser(
        "sergeev.p", password="director-pass-29", last_name="Сергеев", first_name="Павел"
    )


@pytest.fixture
def school_class(school, teacher):
    return SchoolClass.objects.create(
        school=school, name="5А", year=timezone.localdate().year, class_teacher=teacher
    )


@pytest.fixture
def terms(db):
    return TermsVersion.objects.create(
        version="1",
        title="Правила использования ЭИОС",
        text="Не передавайте свой логин и пароль другим лицам.",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )


_number = iter(range(1, 10_000))
# Who signed the orders of the tests: an order is applied as signed (regulation §6.5).
SIGNED = {"signatory_name": "Сергеев П. И.", "signatory_position": "директор"}


def make_order(school, kind, director, *lines, apply=True) -> Order:
    order = Order.objects.create(
        school=school,
        number=str(next(_number)),
        date=timezone.localdate(),
        kind=kind,
        **SIGNED,
    )
    for index, fields in enumerate(lines):
        OrderLine.objects.create(order=order, sort_order=index, **fields)
    if apply:
        order_apply(order=order, actor=director)
    return order


@pytest.fixture
def enrol(school, school_class, director, student_position):
    """Enrol new pupils into 5А by an applied order; returns their accounts."""

    def enrol(*names):
        order = make_order(
            school,
            OrderKind.ENROLMENT,
            director,
            *(
                {"last_name": last, "first_name": first, "school_class": school_class}
                for last, first in names
            ),
        )
        return [line.person for line in order.lines.select_related("person")]

    return enrol


def slip_passwords(pdf: bytes, logins) -> dict[str, str]:
    """login → one-time password, read off the printed sheet as a pupil would: the first
    word after the login that looks like an issued password."""
    words = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    found = {}
    for login in logins:
        after = words[words.index(login) + 1 :]
        found[login] = next(w for w in after if re.fullmatch(f"[{PASSWORD_ALPHABET}]{{10}}", w))
    return found


LINE_FIELDS = ("person", "last_name", "first_name", "patronymic", "birth_date")
LINE_CHOICES = ("school_class", "position", "position_left")


def order_edit_form(order, *, lines=None, **fields) -> dict:
    """What the order's edit form in the admin posts back, with `fields` of the order and
    `lines` ({line number from 1: {field: value}}) changed as the office would type them."""

    def text(value):
        return "" if value is None else str(value)

    data = {
        "school": order.school_id,
        "number": order.number,
        "date": text(order.date),
        "kind": order.kind,
        "title": order.title,
        "signatory_name": order.signatory_name,
        "signatory_position": order.signatory_position,
        **fields,
    }
    saved = list(order.lines.all())
    data.update(
        {
            "lines-TOTAL_FORMS": str(len(saved)),
            "lines-INITIAL_FORMS": str(len(saved)),
            "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "1000",
        }
    )
    for index, line in enumerate(saved):
        values = {"id": line.pk, "ORDER": index + 1, "DELETE": ""}
        values |= {name: text(getattr(line, name)) for name in LINE_FIELDS}
        values["person"] = text(line.person_id)
        values |= {name: text(getattr(line, f"{name}_id")) for name in LINE_CHOICES}
        if line.namesake:
            values["namesake"] = "on"
        values |= (lines or {}).get(index + 1, {})
        data.update({f"lines-{index}-{name}": value for name, value in values.items()})
    return data
