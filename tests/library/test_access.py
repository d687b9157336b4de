"""Who reaches what of the library (regulation §10.4): the catalogue for every signed-in
user, a closed collection for the positions it names, an e-resource's file after the
same decision; anything closed answers 404."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from accounts.models import BlockKind
from accounts.services.blocking import account_block
from eios.access import Action, can, grant, revoke
from library.models import Edition
from library.search.indexing import editions_index
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


@pytest.mark.parametrize("to", ["person", "position"])
def test_an_edition_granted_alone_is_listed_with_its_counts(
    to, student, librarian, answers, make_edition, closed_collection
):
    answers.subject, answers.grade_from, answers.grade_to = "Алгебра", 8, 8
    answers.save()
    editions_index([answers.pk])
    make_edition(
        "Ответы к контрольным по геометрии. 8 класс",
        collection=closed_collection,
        subject="Геометрия",
        grade_from=8,
    )
    make_edition("Алгебра. 8 класс. Учебник", subject="Алгебра", grade_from=8)
    if to == "person":
        grant(actor=librarian, action=Action.VIEW, obj=answers, user=student)
    else:
        pupils = Group.objects.create(name="8 «А»")
        student.groups.add(pupils)
        grant(actor=librarian, action=Action.VIEW, obj=answers, group=pupils)
    client = signed_in(student)
    results = client.get("/library/", {"q": "ответы"}).context["results"]
    assert [hit.pk for hit in results.hits] == [answers.pk]
    everything = client.get("/library/", {"sort": "title"}).context["results"]
    assert [hit.title for hit in everything.hits] == [
        "Алгебра. 8 класс. Учебник",
        "Ответы к контрольным по алгебре. 8 класс",
    ]
    counts = {
        name: {o.value: o.count for o in options} for name, options in everything.facets.items()
    }
    assert everything.total == 2
    assert counts["subject"] == {"Алгебра": 2}
    assert counts["grade"] == {"8": 2}
    algebra = client.get("/library/", {"subject": "Алгебра", "grade": 8}).context["results"]
    assert algebra.total == 2


def test_what_is_closed_follows_grants_and_collections_at_once(
    student, librarian, answers, closed_collection, django_capture_on_commit_callbacks
):
    client = signed_in(student)

    def found():
        return client.get("/library/", {"q": "ответы"}).context["results"].total

    assert found() == 0
    with django_capture_on_commit_callbacks(execute=True):
        grant(actor=librarian, action=Action.VIEW, obj=answers, user=student)
    assert found() == 1
    with django_capture_on_commit_callbacks(execute=True):
        revoke(actor=librarian, action=Action.VIEW, obj=answers, user=student)
    assert found() == 0
    with django_capture_on_commit_callbacks(execute=True):
        closed_collection.closed = False
        closed_collection.save()
    assert found() == 1
    with django_capture_on_commit_callbacks(execute=True):
        closed_collection.closed = True
        closed_collection.save()
        student.groups.add(*closed_collection.reader_groups.all())
    assert found() == 1


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
