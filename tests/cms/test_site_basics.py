import pytest
from bs4 import BeautifulSoup
from django.test import Client

from cms.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_home_page_shows_school_name_and_attribution(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "МБОУ СШ № 1" in html
    assert 'lang="ru"' in html
    assert 'href="#main"' in html  # skip link
    # Regulation §12.1: republishing requires naming the source.
    assert "ссылка на источник обязательна" in html


def test_sveden_is_reachable_from_the_main_menu(client, home):
    html = client.get("/").content.decode()
    assert 'href="/sveden/"' in html


def test_404_page_uses_the_site_look(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_500_page_renders_without_database(home, django_assert_num_queries):
    from cms.views import server_error

    with django_assert_num_queries(0):
        response = server_error(None)
    assert response.status_code == 500
    assert "Ошибка сервера" in response.content.decode()


def test_robots_and_sitemap(client, home):
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "/sveden/" in sitemap.content.decode()


def test_news_index_paginates_newest_first(client, home):
    index = home.add_child(instance=NewsIndexPage(title="Новости", slug="news"))
    for day in range(1, 13):
        index.add_child(
            instance=NewsPage(title=f"Новость {day}", slug=f"n{day}", date=f"2026-10-{day:02d}")
        )
    first = client.get("/news/").content.decode()
    assert "Новость 12" in first and "Новость 3" in first and "Новость 2<" not in first
    second = client.get("/news/?page=2").content.decode()
    assert "Новость 2<" in second and "Новость 1<" in second


def test_site_search_finds_published_pages_only(client, home):
    index = home.add_child(instance=NewsIndexPage(title="Новости", slug="news"))
    index.add_child(instance=NewsPage(title="Олимпиада по математике", slug="olymp"))
    draft = NewsPage(title="Черновик олимпиады", slug="draft", live=False)
    index.add_child(instance=draft)
    html = Client().get("/search/", {"q": "олимпиада"}).content.decode()
    # The words found are marked: the title's text is read past the <mark> elements.
    html = BeautifulSoup(html, "html.parser").get_text()
    assert "Олимпиада по математике" in html
    assert "Черновик" not in html


def test_a_second_school_is_a_second_site_with_its_own_pages(client, home):
    from cms.services import school_site_create

    school_site_create(
        full_name="МБОУ «Гимназия № 2»",
        short_name="Гимназия № 2",
        hostname="gymnasium2.example.ru",
        is_default=False,
    )
    second = client.get("/", HTTP_HOST="gymnasium2.example.ru").content.decode()
    first = client.get("/").content.decode()
    assert "Гимназия № 2" in second and "МБОУ СШ № 1" not in second
    assert "МБОУ СШ № 1" in first
    assert client.get("/sveden/", HTTP_HOST="gymnasium2.example.ru").status_code == 200
