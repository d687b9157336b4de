import datetime

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import (
    TermsVersion,
)
from tests.clients import signed_in


@pytest.fixture(autouse=True)
def _english(settings):
    # Assertions read the English source strings; Russian is the default elsewhere.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def office(director) -> Client:
    """The school office: a browser signed in as the director."""
    return signed_in(director)


@pytest.fixture
def teacher_client(client, teacher) -> Client:
    client.force_login(teacher)
    return client


@pytest.fixture
def terms(db):
    return TermsVersion.objects.create(
        version="1",
        title="Правила использования ЭИОС",
        text="Не передавайте свой логин и пароль другим лицам.",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )


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
