"""A cache wrapped so that a test can count what is asked of it: each call listed in
`ASKED` is one round trip to Redis (django-redis sends one for `get_many` and `incr`
too); every call goes through unchanged to the cache underneath (Django's or
django-redis's)."""


class CountingCache:
    ASKED = frozenset(
        {"get", "set", "add", "has_key", "delete", "touch", "incr", "decr"}
        | {"get_many", "set_many", "delete_many"}
    )

    def __init__(self, cache):
        self.cache, self.calls, self.keys = cache, [], []

    def __getattr__(self, name):
        attribute = getattr(self.cache, name)
        if name not in self.ASKED:
            return attribute

        def counted(*args, **kwargs):
            self.calls.append(name)
            self.keys.append(args[0] if args else None)
            return attribute(*args, **kwargs)

        return counted

    def __contains__(self, key):
        self.calls.append("has_key")
        self.keys.append(key)
        return key in self.cache
