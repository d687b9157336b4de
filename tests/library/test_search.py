"""The catalogue's search through the real page (issue 13 §3): morphology both ways,
ё/е, a typo, facets counted over the whole result set, sorting, paging, closed to
anonymous visitors, a fixed query budget."""

import re

import pytest
from django.urls import reverse

from library.models import Edition
from tests.clients import signed_in

from .catalogue import catalogue_fill

URL = "/library/"
BUDGET = 17


@pytest.fixture
def catalogue(make_edition):
    return catalogue_fill(make_edition)


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["results"].hits]


def all_titles(client, **query) -> list[str]:
    """Every title of the result set, walking its pages."""
    found, page = [], 1
    while True:
        response = client.get(URL, {**query, "page": page})
        found += titles(response)
        if page >= response.context["results"].pages:
            return found
        page += 1


def test_catalogue_is_closed_to_anonymous_visitors(db):
    response = signed_out_get(URL + "?q=математика")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def signed_out_get(url):
    from django.test import Client

    return Client().get(url)


def test_catalogue_opens_to_every_signed_in_user(student, catalogue):
    response = signed_in(student).get(URL)
    assert response.status_code == 200
    assert response.context["results"].total == Edition.objects.count()


@pytest.mark.parametrize(
    "query",
    ["учебник математики", "Математика. Учебник", "математике учебники"],
)
def test_word_forms_find_each_other_both_ways(student, catalogue, query):
    found = titles(signed_in(student).get(URL, {"q": query, "sort": "title"}))
    assert "Математика. 5 класс. Учебник" in found
    assert "Учебник математики для кадетских классов" in found


@pytest.mark.parametrize("query", ["ежик", "Ёжик", "ЕЖИКИ"])
def test_yo_and_ye_are_one_letter(student, catalogue, query):
    assert titles(signed_in(student).get(URL, {"q": query})) == ["Ёжик в тумане"]


def test_a_typo_is_forgiven(student, catalogue):
    response = signed_in(student).get(URL, {"q": "матиматика учебник", "sort": "title"})
    assert "Математика. 5 класс. Учебник" in titles(response)
    assert response.context["results"].corrections == {"матиматика": "математик"}
    assert "матиматика" in response.content.decode()


def test_highlighting_marks_the_words_found(student, catalogue):
    response = signed_in(student).get(URL, {"q": "ежики"})
    assert "<mark>Ёжик</mark> в тумане" in response.content.decode()


def test_facet_counts_are_those_of_the_whole_result_set(student, catalogue):
    client = signed_in(student)
    response = client.get(URL, {"q": "учебник"})
    results = response.context["results"]
    assert results.total > 20  # more than one page
    every = Edition.objects.filter(title__in=all_titles(client, q="учебник"))
    assert every.count() == results.total
    subjects = {option.value: option.count for option in results.facets["subject"]}
    for subject, count in subjects.items():
        assert every.filter(subject=subject).count() == count
    assert sum(subjects.values()) == results.total
    federal = results.facets["federal"][0].count
    assert federal == every.filter(on_federal_list=True).count()
    grades = {option.value: option.count for option in results.facets["grade"]}
    assert grades["5"] == every.filter(grade_from__lte=5, grade_to__gte=5).count()
    years = {option.value: option.count for option in results.facets["year"]}
    assert sum(years.values()) == results.total
    page = response.content.decode()
    assert f'data-count="{subjects["Физика"]}"' in page


def test_a_facet_narrows_the_results_and_recounts(student, catalogue):
    client = signed_in(student)
    response = client.get(URL, {"q": "учебник", "subject": "Физика", "federal": "1"})
    results = response.context["results"]
    expected = Edition.objects.filter(
        subject="Физика", on_federal_list=True, title__icontains="Учебник"
    )
    assert results.total == expected.count() > 0
    assert [option.value for option in results.facets["subject"]] == ["Физика"]


def test_sorting_by_year_and_title(student, catalogue):
    client = signed_in(student)
    newest = titles(client.get(URL, {"q": "учебник", "sort": "year_desc"}))
    years = list(Edition.objects.filter(title__in=newest).values_list("title", "year"))
    by_title = dict(years)
    assert [by_title[title] for title in newest] == sorted(by_title.values(), reverse=True)
    alphabetical = all_titles(client, q="учебник", sort="title")
    assert alphabetical == sorted(alphabetical, key=str.casefold) or alphabetical == sorted(
        alphabetical
    )


def test_paging_walks_the_whole_result_set_once(student, catalogue):
    client = signed_in(student)
    first = client.get(URL, {"q": "учебник", "sort": "title"})
    second = client.get(URL, {"q": "учебник", "sort": "title", "page": 2})
    assert len(titles(first)) == 20
    assert not set(titles(first)) & set(titles(second))
    assert len(titles(first)) + len(titles(second)) == first.context["results"].total
    assert 'rel="next"' in first.content.decode()
    assert re.search(r'href="\?[^"]*page=1[^"]*" rel="prev"', second.content.decode())


def test_nonsense_in_the_address_is_ignored(student, catalogue):
    response = signed_in(student).get(
        URL, {"q": "учебник", "grade": "сорок", "year": "-1", "page": "x", "sort": "drop"}
    )
    assert response.status_code == 200
    assert response.context["results"].total > 0


def test_search_page_query_budget_does_not_grow(
    school_site, student, make_edition, django_assert_max_num_queries
):
    # The site's frame (session, user, terms, site, menus) and the search's own: closed
    # collections, the vocabulary and one mistyped word, the counts of every facet, the page.
    client = signed_in(student)
    client.get(URL)
    for grow in (1, 40):
        for number in range(grow):
            make_edition(f"Математика. Учебник {number}", subject="Математика", grade_from=5)
        with django_assert_max_num_queries(BUDGET):
            response = client.get(URL, {"q": "матиматика учебник", "subject": "Математика"})
        assert response.context["results"].total > 0


def test_saving_an_edition_indexes_it_after_the_commit(
    student, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Edition.objects.create(title="Химия. 9 класс. Учебник", subject="Химия")
    assert titles(signed_in(student).get(URL, {"q": "химии"})) == ["Химия. 9 класс. Учебник"]


def test_an_edited_title_is_found_by_its_new_words(
    student, make_edition, django_capture_on_commit_callbacks
):
    edition = make_edition("Черновик")
    with django_capture_on_commit_callbacks(execute=True):
        edition.title = "География. 7 класс"
        edition.save()
    client = signed_in(student)
    assert titles(client.get(URL, {"q": "географии"})) == ["География. 7 класс"]
    assert titles(client.get(URL, {"q": "черновик"})) == []
