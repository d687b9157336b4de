"""Data kept in the cache per person until a topic it depends on changes.

What is costly to work out for one person and changes seldom (a cabinet panel, a pupil's
portfolio) is kept here under the versions of its topics. Whoever changes what it shows
calls `changed(topic)` (everyone's copy is stale) or `changed(topic, user=...)` (one
person's). Reading any number of kept values costs one `get_many` for the versions and one
for the values, and one `set_many` for those worked out afresh.

The cache and the time values are kept are the cabinet's settings (`CABINET_CACHE`,
`CABINET_CACHE_SECONDS`): the cabinet kept its panels this way first.
"""

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import caches
from django.db import transaction

_VERSION = "kept:v:{topic}:{user}"


@dataclass(frozen=True)
class Kept:
    """One value for one person: `name` tells it apart from the others kept for them,
    `topics` are what it shows (none: worked out every time), `make` works it out.
    `stamp`, when given, is part of what it shows that the caller already holds (a time
    on the person's own row): a new stamp is a new value, with no `changed()` to call."""

    name: str
    topics: tuple[str, ...]
    make: Callable[[], Any]
    stamp: str = ""


def _cache():
    return caches[settings.CABINET_CACHE]


def changed(topic: str, user: AbstractBaseUser | None = None) -> None:
    """What is kept under `topic` has changed: for everyone, or for `user` only.

    Counted once the change is committed: before it, another request would read the old
    rows and keep them under the new version.
    """
    key = _VERSION.format(topic=topic, user=user.pk if user is not None else "*")
    transaction.on_commit(lambda: _bump(key))


def _bump(key: str) -> None:
    # A new random version rather than a counter: a version evicted from the cache and
    # counted again from the start could meet copies kept under its old values.
    _cache().set(key, secrets.token_hex(8), None)


def _version_keys(topics: tuple[str, ...], user: AbstractBaseUser) -> list[str]:
    return [_VERSION.format(topic=topic, user=who) for topic in topics for who in ("*", user.pk)]


def _versions(cache, keys: set[str]) -> dict[str, str]:
    """The versions asked for; those the cache has not got are started now."""
    versions = cache.get_many(list(keys))
    for key in keys - versions.keys():
        token = secrets.token_hex(8)
        # Another request may have started it meanwhile: then theirs counts.
        version = token if cache.add(key, token, None) else cache.get(key)
        if version is not None:
            versions[key] = version
    return versions


def kept_values(user: AbstractBaseUser, wanted: Sequence[Kept]) -> list:
    """The value of each of `wanted` for `user`, in order: kept ones from the cache, the
    others worked out now and kept."""
    cache = _cache()
    versions = _versions(cache, {key for one in wanted for key in _version_keys(one.topics, user)})
    data_keys = {}
    for one in wanted:
        keys = _version_keys(one.topics, user)
        if keys and all(key in versions for key in keys):
            stamp = ".".join([one.stamp, *(versions[key] for key in keys)])
            data_keys[one.name] = f"kept:{one.name}:{user.pk}:{stamp}"
    kept = cache.get_many(list(data_keys.values()))
    values, fresh = [], {}
    for one in wanted:
        key = data_keys.get(one.name)
        if key in kept:
            (value,) = kept[key]
        else:
            value = one.make()
            if key:
                # Kept in a tuple, so that None (e.g. «the panel does not show») is kept too.
                fresh[key] = (value,)
        values.append(value)
    if fresh:
        cache.set_many(fresh, settings.CABINET_CACHE_SECONDS)
    return values
