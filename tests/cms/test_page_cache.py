"""The anonymous whole-page cache: fast for the public, never stale, never personal."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

from cms.models import ContentPage, Platform, PlatformCatalogPage
from eios.models import School

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def about(home):
    page = ContentPage(title="О школе", slug="about", intro="Школа работает с 1968 года.")
    home.add_child(instance=page)
    return page


@pytest.fixture
def visitor():
    return Client()


def cached_status(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_cache_without_database(
    about, visitor, django_assert_num_queries
):
    first = visitor.get("/about/")
    assert cached_status(first) == "miss"

    with django_assert_num_queries(0):
        second = visitor.get("/about/")

    assert cached_status(second) == "hit"
    assert second.content == first.content
    assert "Школа работает с 1968 года." in second.content.decode()


def test_logged_in_user_is_never_served_or_stored_in_the_cache(about, visitor):
    user = get_user_model().objects.create_user(username="teacher", password="x-secret-29")
    member = Client()
    member.force_login(user)

    # Stored by an anonymous visit, then asked for by a member: rendered afresh.
    visitor.get("/about/")
    assert cached_status(member.get("/about/")) is None

    # Asked for by a member first: nothing is stored for the next anonymous visitor.
    other = ContentPage(title="Расписание", slug="timetable")
    about.get_parent().add_child(instance=other)
    assert cached_status(member.get("/timetable/")) is None
    assert cached_status(visitor.get("/timetable/")) == "miss"


def test_session_or_csrf_cookie_bypasses_the_cache(about, visitor, settings):
    visitor.get("/about/")

    for cookie in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        with_cookie = Client()
        with_cookie.cookies[cookie] = "anything"
        response = with_cookie.get("/about/")
        assert response.status_code == 200
        assert cached_status(response) is None


def test_published_edit_is_visible_on_the_very_next_visit(
    about, visitor, django_capture_on_commit_callbacks
):
    visitor.get("/about/")

    about.intro = "Школа работает с 1968 года, в две смены."
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()

    response = visitor.get("/about/")
    assert cached_status(response) == "miss"
    assert "в две смены" in response.content.decode()


def test_draft_edit_is_not_visible(about, visitor):
    visitor.get("/about/")

    about.intro = "Черновик: не публиковать."
    about.save_revision()

    assert "Черновик" not in visitor.get("/about/").content.decode()
    # Not only hidden by the cache: rendered afresh, the page still shows the live version.
    caches["pages"].clear()
    fresh = visitor.get("/about/")
    assert cached_status(fresh) == "miss"
    assert "Черновик" not in fresh.content.decode()


def test_saving_the_school_requisites_refreshes_every_page(
    school_site, about, visitor, django_capture_on_commit_callbacks
):
    assert "(86100) 1-23-45" in visitor.get("/about/").content.decode()

    school = School.for_site(school_site)
    school.telephone = "(86100) 9-99-99"
    with django_capture_on_commit_callbacks(execute=True):
        school.save()

    response = visitor.get("/about/")
    assert cached_status(response) == "miss"
    assert "(86100) 9-99-99" in response.content.decode()


def test_saving_a_platform_refreshes_the_catalogue(
    school_site, home, visitor, django_capture_on_commit_callbacks
):
    home.add_child(instance=PlatformCatalogPage(title="Платформы", slug="platforms"))
    school = School.for_site(school_site)
    platform = Platform.objects.create(school=school, name="Сферум", address="https://sferum.ru/")
    assert "Сферум" in visitor.get("/platforms/").content.decode()

    platform.name = "Сферум — учебные чаты"
    with django_capture_on_commit_callbacks(execute=True):
        platform.save()

    response = visitor.get("/platforms/")
    assert cached_status(response) == "miss"
    assert "Сферум — учебные чаты" in response.content.decode()


def test_cache_is_dropped_only_once_the_publish_is_committed(
    about, visitor, django_capture_on_commit_callbacks
):
    """A visitor arriving mid-publish must not store the old page under the new generation."""
    visitor.get("/about/")
    about.intro = "Новое"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
        # Still inside the publishing transaction: the cached page stays as it was.
        assert cached_status(visitor.get("/about/")) == "hit"
    assert "Новое" in visitor.get("/about/").content.decode()
