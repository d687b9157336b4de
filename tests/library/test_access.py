"""Who reaches what of the library (regulation §10.4): the catalogue for every signed-in
user, a closed collection for the positions it names, an e-resource's file after the
same decision; anything closed answers 404."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from accounts.models import BlockKind
from accounts.services.blocking import account_block
from eios.access import Action, can
from library.models import Edition
from tests.clients import signed_in


@pytest.fixture
def answers(make_edition, closed_collection):
    edition = make_edition("Ответы к контрольным по алгебре. 8 класс", collection=closed_collection)
    edition.file.save("answers.pdf", ContentFile(b"%PDF-1.4 answers"), save=True)
    return edition


@pytest.fixture
def open_resource(make_edition):
    edition = make_edition("Алгебра. 8 класс. Электронное приложение", kind="e_resource")
    edition.file.save("algebra.pdf", ContentFile(b"%PDF-1.4 algebra"), save=True)
    return edition


@pytest.mark.parametrize("suffix", ["", "file/"])
def test_anonymous_visitors_are_sent_to_log_in(open_resource, suffix):
    response = Client().get(f"/library/{open_resource.pk}/{suffix}")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_signed_in_pupil_opens_an_open_edition_and_its_file(student, open_resource):
    client = signed_in(student)
    assert client.get(f"/library/{open_resource.pk}/").status_code == 200
    response = client.get(f"/library/{open_resource.pk}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 algebra"


def test_a_closed_collection_is_hidden_from_others(student, answers):
    client = signed_in(student)
    assert client.get(f"/library/{answers.pk}/").status_code == 404
    assert client.get(f"/library/{answers.pk}/file/").status_code == 404
    response = client.get("/library/", {"q": "ответы алгебре"})
    assert response.context["results"].total == 0
    assert not can(student, Action.VIEW, Edition.objects.get(pk=answers.pk))


def test_a_closed_collection_opens_to_the_positions_it_names(teacher, answers):
    client = signed_in(teacher)
    assert client.get(f"/library/{answers.pk}/").status_code == 200
    assert client.get(f"/library/{answers.pk}/file/").status_code == 200
    response = client.get("/library/", {"q": "ответы алгебре"})
    assert [hit.pk for hit in response.context["results"].hits] == [answers.pk]


def test_a_blocked_person_reaches_nothing(student, librarian, open_resource):
    client = signed_in(student)
    account_block(user=student, kind=BlockKind.ADMINISTRATOR, reason="отчислен", actor=librarian)
    assert client.get("/library/").status_code == 302
    assert client.get(f"/library/{open_resource.pk}/file/").status_code == 302


def test_an_unknown_edition_is_not_found(student):
    assert signed_in(student).get("/library/999999/").status_code == 404


# (who, element) → the status of the edition's page and of its file.
TABLE = [
    ("anonymous", "open", 302),
    ("anonymous", "closed", 302),
    ("student", "open", 200),
    ("student", "closed", 404),
    ("teacher", "open", 200),
    ("teacher", "closed", 200),
    ("librarian", "closed", 200),
]


@pytest.mark.parametrize(("who", "element", "status"), TABLE)
def test_who_opens_which_edition_and_file(request, who, element, status, answers, open_resource):
    edition = answers if element == "closed" else open_resource
    client = Client() if who == "anonymous" else signed_in(request.getfixturevalue(who))
    assert client.get(f"/library/{edition.pk}/").status_code == status
    assert client.get(f"/library/{edition.pk}/file/").status_code == status
