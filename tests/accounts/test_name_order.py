"""People are listed as a Russian school register lists them: «ё» sorts as «е», case
does not matter — on the class page, the credential slips, the cabinet, the People screen
and the person chooser, on SQLite and PostgreSQL alike."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import ClassMembership, User
from tests.clients import signed_in

pytestmark = pytest.mark.django_db

# As the register has them: ё as е, then by the following letters; a surname typed in
# small letters is still in its place.
REGISTER = ["Алексеев", "ёжиков", "Елисеев", "Ёлкин", "Жуков"]


@pytest.fixture
def pupils(school_class):
    users = [
        User.objects.create(username=f"pupil{n}", last_name=surname, first_name="Иван")
        for n, surname in enumerate(["Жуков", "Ёлкин", "Алексеев", "ёжиков", "Елисеев"])
    ]
    for user in users:
        user.set_unusable_password()
        user.save()
        ClassMembership.objects.create(
            user=user, school_class=school_class, started_on=timezone.localdate()
        )
    return users


def listed(text: str) -> list[str]:
    """The surnames of REGISTER in the order the text first names them."""
    return sorted(REGISTER, key=lambda surname: text.index(f"{surname} Иван"))


def test_the_class_page_and_the_cabinet_list_pupils_like_the_register(
    teacher, school_class, pupils
):
    client = signed_in(teacher)
    class_page = client.get(reverse("class_detail", args=[school_class.pk])).content.decode()
    cabinet = client.get(reverse("cabinet")).content.decode()

    assert listed(class_page) == REGISTER
    assert listed(cabinet) == REGISTER


def test_credential_slips_come_in_the_register_order(teacher, school_class, pupils):
    response = signed_in(teacher).post(
        reverse("credential_slips", args=[school_class.pk]), {"pupil": [p.pk for p in pupils]}
    )

    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert listed(text) == REGISTER


def test_the_people_screen_lists_and_sorts_like_the_register(director, pupils):
    client = signed_in(director)
    index = reverse("people:index")

    assert listed(client.get(index).content.decode()) == REGISTER
    assert listed(client.get(index, {"ordering": "name"}).content.decode()) == REGISTER
    backwards = client.get(index, {"ordering": "-name"}).content.decode()
    assert listed(backwards) == REGISTER[::-1]


def test_the_person_chooser_lists_like_the_register(director, pupils):
    page = signed_in(director).get(reverse("person_chooser:choose_results")).content.decode()

    assert listed(page) == REGISTER
