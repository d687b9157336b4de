"""Site search answers whatever a visitor types (issue 10, item 10): quotes and the
syntax of the search backends' own query languages are words' separators, never a
server error; a NUL is refused before the search sees it (eios/nul.py)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from cms.models import ContentPage
from cms.views import search_words

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    'a"b',
    '"расписание',
    "'",
    "%",
    "*",
    "(",
    ")",
    "-",
    "^",
    ":",
    "NEAR(",
    "AND",
    "OR NOT",
    "расписание OR",
    "{title}: урок",
    "\\",
    "ё" * 5000,
]


@pytest.fixture
def timetable(home):
    return home.add_child(
        instance=ContentPage(title="Расписание уроков", slug="timetable", intro="На неделю.")
    )


@pytest.mark.parametrize("query", HOSTILE, ids=repr)
def test_any_query_gets_a_page_of_results(timetable, query):
    response = Client().get("/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ['расписание"', '"расписание уроков"', "уроков:"])
def test_the_words_around_quotes_are_still_found(timetable, query):
    html = Client().get("/search/", {"q": query}).content.decode()
    # The words found are marked: the title's text is read past the <mark> elements.
    assert "Расписание уроков" in BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize("query", ["\x00", "расписание\x00уроков"])
def test_a_nul_is_a_bad_request(timetable, query):
    assert Client().get("/search/", {"q": query}).status_code == 400
    # Should one reach the search all the same, it separates words as punctuation does.
    assert search_words(query) == query.replace("\x00", " ").strip()


def test_a_query_of_punctuation_alone_finds_nothing(timetable):
    html = Client().get("/search/", {"q": '"'}).content.decode()
    assert "Расписание уроков" not in html
