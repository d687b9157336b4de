"""Sessions in the cache (Redis in production) with one round trip a write.

Django's cache store makes a new key by asking whether it is taken (a round trip), writes
the session under it (ADD), and on the way out asks again whether the session still
exists — reading all of it — before writing it once more (SET): four round trips for a
login, which cycles the key. Here a new key is only drawn; the way out writes it once
with ADD (a key already taken draws another), and a session that has a key is written
with Redis' SET … XX, which writes only if it still exists: one atomic round trip, and a
session ended meanwhile (a blocked account's, `accounts.services.sessions`) is not
brought back. Other caches than django-redis's keep Django's read-then-write.
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore
from django.utils.crypto import get_random_string
from django_redis.cache import RedisCache

# Keys are Django's (32 characters of VALID_KEY_CHARS, 165 bits): a taken one is drawn
# about never, and then ADD refuses it and another is drawn.
ATTEMPTS = 10


class SessionStore(CacheSessionStore):
    _drawn = False  # the key was drawn here and is not in the cache yet

    def _get_new_session_key(self) -> str:
        self._drawn = True
        return get_random_string(32, VALID_KEY_CHARS)

    def create(self) -> None:
        self._session_key = self._get_new_session_key()
        self.modified = True

    def save(self, must_create: bool = False) -> None:
        if self.session_key is None:
            self.create()
        if self._drawn:
            self._add_drawn()
        elif must_create:
            if not self._cache.add(self.cache_key, self._get_session(), self.get_expiry_age()):
                raise CreateError
        elif not self._replace():
            raise UpdateError

    def _add_drawn(self) -> None:
        data = self._get_session(no_load=True)
        for _attempt in range(ATTEMPTS):
            if self._cache.add(self.cache_key, data, self.get_expiry_age()):
                self._drawn = False
                return
            self._session_key = self._get_new_session_key()
        raise RuntimeError("Unable to create a new session key: is the cache available?")

    def _replace(self) -> bool:
        data = self._get_session()
        if isinstance(self._cache, RedisCache):
            return bool(self._cache.set(self.cache_key, data, self.get_expiry_age(), xx=True))
        if self._cache.get(self.cache_key) is None:
            return False
        self._cache.set(self.cache_key, data, self.get_expiry_age())
        return True
