"""The session store used with Redis (`eios.session_store`): one cache write per login,
and a session ended while a request was on its way is not brought back by it. With
REDIS_URL set (CI) the cache is Redis and its SET … XX is what is tested."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from eios.session_store import SessionStore
from tests.clients import log_in
from tests.counting_cache import CountingCache
from tests.factories import PASSWORD, person_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _store(settings):
    settings.SESSION_ENGINE = "eios.session_store"
    settings.SESSION_CACHE_ALIAS = "default"


def test_a_new_session_is_written_once():
    store = SessionStore()
    store._cache = counting = CountingCache(store._cache)
    store["seen"] = 1
    store.cycle_key()  # what a login does
    store.save()

    assert counting.calls == ["add"]
    assert SessionStore(store.session_key)["seen"] == 1


def saved_session(**data) -> SessionStore:
    store = SessionStore()
    store.update(data)
    store.save()
    return store


def test_a_changed_session_is_written_in_place():
    store = saved_session(seen=1)
    again = SessionStore(store.session_key)
    again["seen"] = 2
    again.save()

    assert SessionStore(store.session_key)["seen"] == 2


def test_a_session_ended_meanwhile_is_not_brought_back():
    store = saved_session(seen=1)
    in_flight = SessionStore(store.session_key)
    in_flight["seen"] = 2  # read before the block, saved after it

    SessionStore(store.session_key).delete()

    with pytest.raises(UpdateError):
        in_flight.save()
    assert caches["default"].get(in_flight.cache_key) is None


def test_a_taken_key_is_never_reused(monkeypatch):
    first = saved_session(who="first")
    drawn = iter([first.session_key, "k" * 32])
    monkeypatch.setattr("eios.session_store.get_random_string", lambda *args: next(drawn))

    second = SessionStore()
    second["who"] = "second"
    second.save()

    assert SessionStore(first.session_key)["who"] == "first"
    assert second.session_key == "k" * 32
    assert SessionStore("k" * 32)["who"] == "second"


def test_a_login_and_the_pages_after_it_keep_one_session():
    pupil = person_create("orlova.e", password=PASSWORD)
    browser = Client()
    response = log_in(browser, "orlova.e", PASSWORD)

    assert response["Location"] == reverse("cabinet")
    assert browser.get(reverse("cabinet")).status_code == 200
    assert browser.session["_auth_user_id"] == str(pupil.pk)
