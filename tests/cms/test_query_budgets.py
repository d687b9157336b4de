"""Public pages cost the same number of queries with 5 and with 500 news items and documents.

A page whose query count grows with the data (one query per news item, per document,
per platform) is fine on a demo and falls over on a school with ten years of news.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from wagtail.models import Collection

from cms.demo.pdf import minimal_pdf
from cms.models import NewsIndexPage, NewsPage, Platform, PlatformCatalogPage, SchoolDocument
from cms.services import school_site_create
from cms.views import SEARCH_PER_PAGE
from eios.models import School

SIZES = [5, 500]

# Queries of a warm request (Wagtail's cache of site root paths filled by a first one):
# site, page route, view restrictions, the school's requisites, the look of the site (its
# emblem), the main menu, the content; the home page also finds the pages of its quick links.
BUDGETS = {
    "home": 11,
    "news index": 13,
    "news index, middle page": 13,
    "news item": 11,
    "platform catalogue": 12,
    # Three groups (pages, news, documents), each counted, the shown ones fetched, and the
    # collections under «Privacy» read once for the documents.
    "search": 11,
}


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size} items")
def size(request, django_db_setup, django_db_blocker):
    """A school with `size` news items, documents and platforms, shared by the module's tests.

    Built once per size inside a transaction that is rolled back afterwards; each test
    runs in a savepoint within it, as usual.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        document_file = _school_build(request.param)
        yield request.param
        transaction.set_rollback(True)
    default_storage.delete(document_file)


def _school_build(size: int) -> str:
    site = school_site_create(full_name="Средняя школа № 1", short_name="СШ № 1")
    home = site.root_page.specific
    school = School.for_site(site)
    index = home.add_child(instance=NewsIndexPage(title="Новости", slug="news", show_in_menus=True))
    start = datetime.date(2020, 9, 1)
    for number in range(size):
        index.add_child(
            instance=NewsPage(
                title=f"Олимпиада по математике {number}",
                slug=f"news-{number}",
                date=start + datetime.timedelta(days=number),
                intro="Итоги школьного этапа олимпиады.",
            )
        )
    home.add_child(
        instance=PlatformCatalogPage(title="Платформы", slug="platforms", show_in_menus=True)
    )
    Platform.objects.bulk_create(
        Platform(
            school=school,
            name=f"Платформа {number}",
            address=f"https://platform{number}.example.ru/",
            access_kind="authorised" if number % 2 else "free",
            on_federal_list=bool(number % 3),
            sort_order=number,
        )
        for number in range(size)
    )
    # One file on disk shared by every row: the pages read the rows, not the files.
    first = SchoolDocument(title="Документ 0", collection=Collection.get_first_root_node())
    first.file.save("budget.pdf", ContentFile(minimal_pdf("Документ")), save=True)
    SchoolDocument.objects.bulk_create(
        SchoolDocument(
            title=f"Документ {number}",
            file=first.file.name,
            file_size=first.file_size,
            collection_id=first.collection_id,
        )
        for number in range(1, size)
    )
    return first.file.name


def _url(page: str, size: int) -> str:
    middle = max(1, size // NewsIndexPage.per_page // 2)
    return {
        "home": "/",
        "news index": "/news/",
        "news index, middle page": f"/news/?page={middle}",
        "news item": f"/news/news-{size // 2}/",
        "platform catalogue": "/platforms/",
        "search": "/search/?q=олимпиада",
    }[page]


@pytest.mark.django_db
@pytest.mark.parametrize("page", list(BUDGETS))
def test_query_budget(page, size, client, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    url = _url(page, size)
    assert client.get(url).status_code == 200

    with django_assert_max_num_queries(BUDGETS[page]):
        response = client.get(url)

    assert response.status_code == 200
    assert _items_shown(page, response, size) == _items_expected(page, size)


def _items_shown(page: str, response, size: int) -> int:
    html = BeautifulSoup(response.content, "html.parser")
    if page == "news item":
        return int(html.h1.get_text() == f"Олимпиада по математике {size // 2}")
    if page == "platform catalogue":
        return len(html.select("table.platforms tbody tr"))
    return len(html.select("main ul.news-list li"))


def _items_expected(page: str, size: int) -> int:
    return {
        "home": 3,
        "news index": min(size, NewsIndexPage.per_page),
        "news index, middle page": min(size, NewsIndexPage.per_page),
        "news item": 1,
        "platform catalogue": size,
        "search": min(size, SEARCH_PER_PAGE),
    }[page]
