"""Site, requisites, menu, «Сведения» navigation and page addresses kept per content
generation: pages render with a few queries, and never show yesterday's site."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import Client
from wagtail.models import Collection

from cms.models import ContentPage, NewsIndexPage, NewsPage, SiteLook
from eios.models import School
from tests.clients import log_in
from tests.factories import person_create
from tests.images import png, school_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.FRAGMENT_CACHE_ENABLED = True
    # The whole-page cache would answer before any fragment is used.
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def about(home, django_capture_on_commit_callbacks):
    page = ContentPage(title="О школе", slug="about", show_in_menus=True)
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


@pytest.fixture
def visitor():
    return Client()


def fragment_keys() -> list[str]:
    return [key for key in caches["pages"]._cache if ":fragment:" in key]


@pytest.mark.parametrize(
    ("path", "budget"),
    [("/", 3), ("/about/", 3), ("/sveden/common/", 5), ("/sveden/objects/", 5)],
)
def test_a_repeated_visit_needs_only_the_page_itself(
    about, visitor, path, budget, django_assert_max_num_queries
):
    assert visitor.get(path).status_code == 200

    with django_assert_max_num_queries(budget):
        assert visitor.get(path).status_code == 200


def test_the_home_pages_news_pictures_are_not_made_again_on_each_visit(
    home, visitor, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsIndexPage(title="Новости", slug="news")
        home.add_child(instance=news)
        picture = school_image("Выпускной", Collection.get_first_root_node())
        item = NewsPage(title="Выпускной вечер", slug="vypusknoj", image=picture)
        news.add_child(instance=item)
        item.save_revision().publish()
    assert "Выпускной вечер" in visitor.get("/").content.decode()

    size = picture.renditions.get()
    folder = Path(size.file.path).parent
    files = set(folder.iterdir())

    # The kept cards once held the picture's sizes as they were before the first visit
    # made one: each visit then made it again (and looked it up in the database).
    with django_assert_max_num_queries(2):
        assert visitor.get("/").status_code == 200
    assert size.file.url in visitor.get("/").content.decode()
    assert picture.renditions.count() == 1
    assert set(folder.iterdir()) == files


def test_a_published_page_is_in_the_menu_on_the_next_visit(
    about, home, visitor, django_capture_on_commit_callbacks
):
    assert "Контакты школы" not in visitor.get("/").content.decode()

    contacts = ContentPage(title="Контакты школы", slug="kontakty", show_in_menus=True)
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=contacts)
        contacts.save_revision().publish()

    assert "Контакты школы" in visitor.get("/").content.decode()
    assert visitor.get("/kontakty/").status_code == 200


def test_an_unpublished_page_is_gone_from_its_address_and_the_menu(
    about, visitor, django_capture_on_commit_callbacks
):
    assert visitor.get("/about/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()

    assert visitor.get("/about/").status_code == 404
    assert 'href="/about/"' not in visitor.get("/").content.decode()


def test_the_latest_news_shows_a_new_item_at_once(
    home, visitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsIndexPage(title="Новости", slug="news")
        home.add_child(instance=news)
        visitor.get("/")
        item = NewsPage(title="Выпускной вечер 2026", slug="vypusknoj")
        news.add_child(instance=item)
        item.save_revision().publish()

    assert "Выпускной вечер 2026" in visitor.get("/").content.decode()


def test_edited_requisites_show_on_the_next_visit(
    school_site, visitor, django_capture_on_commit_callbacks
):
    visitor.get("/sveden/common/")

    school = School.for_site(school_site)
    school.telephone = "(86100) 9-99-99"
    with django_capture_on_commit_callbacks(execute=True):
        school.save()

    assert "(86100) 9-99-99" in visitor.get("/sveden/common/").content.decode()


def test_invented_addresses_leave_nothing_in_the_cache(about, visitor, listable_caches):
    visitor.get("/about/")
    # The first missing page keeps what every page outside the tree shares (its menu).
    visitor.get("/no-such-page/")
    kept = set(fragment_keys())
    assert kept, "the visit above should have kept the site, menu and address"

    for number in range(20):
        assert visitor.get(f"/no-such-page-{number}/").status_code == 404

    assert set(fragment_keys()) == kept


def emblem_address(page: str) -> str:
    return page.split('class="brand"', 1)[1].split('src="', 1)[1].split('"', 1)[0]


def test_an_emblem_given_a_new_file_shows_on_the_next_visit(
    school_site, visitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        emblem = school_image("Эмблема", Collection.get_first_root_node(), "old.png")
        SiteLook.objects.create(site=school_site, emblem=emblem)
    before = emblem_address(visitor.get("/sveden/").content.decode())

    emblem.file = png("new.png", colour="navy")
    with django_capture_on_commit_callbacks(execute=True):
        emblem.save()
        emblem.renditions.all().delete()

    after = emblem_address(visitor.get("/sveden/").content.decode())
    assert "old" in before and "new" in after


def test_the_header_and_footer_follow_the_visitor_and_the_language(about, visitor, teacher):
    signed_in, english = Client(), Client()
    signed_in.force_login(teacher)
    english.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Войти" in visitor.get("/about/").content.decode()
    page = signed_in.get("/about/").content.decode()
    assert "Выйти" in page and "csrfmiddlewaretoken" in page
    assert 'aria-current="page"' in page  # the menu marks the page being read
    assert 'aria-current="page"' not in signed_in.get("/").content.decode()
    assert (
        "Ministry of Education of the Russian Federation" in english.get("/about/").content.decode()
    )
    assert "Министерство просвещения" in visitor.get("/about/").content.decode()


def test_a_login_reads_nothing_about_the_site(home, visitor, listable_caches):
    # A sent form that is redirected renders no page: the site is looked up when a page
    # asks for it (eios/sites.py), so the morning's logins cost no cache round trips for it.
    person_create("kuznetsov.a", password="верный-пароль-29")
    response = log_in(visitor, "kuznetsov.a", "верный-пароль-29")
    assert response.status_code == 302
    assert not fragment_keys()

    assert visitor.get("/").status_code == 200
    assert any(":site:" in key for key in fragment_keys())
