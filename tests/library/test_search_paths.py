"""The database engine's quick paths answer exactly what the plain ones do: relevance read
tier by tier along the title order (a large match), and the counts of a catalogue browsed
without words kept in the cache until an edition changes."""

import pytest

from library.models import Edition, EditionKind
from library.search import database
from tests.clients import signed_in

URL = "/library/"


@pytest.fixture
def shelves(make_edition):
    """Titles with both words, one of them, or neither (the words only in the
    description), in an order the title sort mixes up."""
    for number in range(17):
        make_edition(f"Математика. Учебник. Часть {number:02}", subject="Математика")
        make_edition(f"Алгебра. Учебник {number:02}", subject="Алгебра")
        make_edition(
            f"Задачник по математике {number:02}",
            subject="Математика",
            kind=EditionKind.TEACHING_AID,
        )
        make_edition(f"Сборник {number:02}", description="Учебник математики для школ")


def pages(client, **query) -> list[list[str]]:
    found, page = [], 1
    while True:
        results = client.get(URL, {**query, "page": page}).context["results"]
        found.append([hit.title for hit in results.hits])
        if page >= results.pages:
            return found
        page += 1


@pytest.mark.parametrize("q", ["учебник", "учебник математики", "математика", "сборник"])
def test_relevance_read_tier_by_tier_is_the_same_order(student, shelves, monkeypatch, q):
    client = signed_in(student)
    sorted_whole = pages(client, q=q)
    monkeypatch.setattr(database, "TIERED_FROM", 0)
    assert pages(client, q=q) == sorted_whole
    assert sum(map(len, sorted_whole)) == client.get(URL, {"q": q}).context["results"].total


def test_the_counts_of_the_whole_catalogue_follow_its_changes(
    student, shelves, make_edition, django_capture_on_commit_callbacks
):
    client = signed_in(student)
    before = client.get(URL).context["results"]
    make_edition("Физика. 7 класс. Учебник", subject="Физика")
    after = client.get(URL).context["results"]
    assert after.total == before.total + 1
    assert {option.value: option.count for option in after.facets["subject"]}["Физика"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        Edition.objects.filter(subject="Алгебра").first().delete()
    algebra = client.get(URL, {"subject": "Алгебра"}).context["results"]
    assert algebra.total == 16
    assert client.get(URL).context["results"].total == before.total
