"""A local-memory cache that writes down every call made to it from outside, so that a
test can assert how many round trips a request would make to Redis (django-redis sends
one for each of these calls, `get_many` and `incr` included)."""

from django.core.cache.backends.locmem import LocMemCache

CALLS = [
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "has_key",
    "incr",
    "decr",
]


class CountingCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self.calls: list[tuple[str, object]] = []
        self._depth = 0
        for method in CALLS:
            setattr(self, method, self._counted(method, getattr(self, method)))

    def _counted(self, method, call):
        def counted(*args, **kwargs):
            # Local memory builds get_many from get: only the outer call is a round trip.
            if not self._depth:
                self.calls.append((method, args[0] if args else kwargs.get("key")))
            self._depth += 1
            try:
                return call(*args, **kwargs)
            finally:
                self._depth -= 1

        return counted
