"""The personal cabinet is composed of panels that apps register (SPEC §3).

An app contributes a panel the way Wagtail apps extend Wagtail:

    @hooks.register("register_cabinet_panel")
    def platforms_panel():
        return Panel(name="cms.platforms", order=20, template="cms/cabinet/platforms.html",
                     context=_platforms, queries=2, topics=("platforms",))

`context(request)` returns the panel's data for `request.user`, or None when the panel
does not show for them. The cabinet's query budget is the sum of its panels' `queries`.

A panel with `topics` has its data kept in the cache per user until one of the topics
changes: the app that changes what the panel shows calls `changed(topic)` (everyone's
copy is stale) or `changed(topic, user=...)` (one person's). The cabinet reads every
version and every kept value with one `get_many` each, however many panels there are.
A panel whose data must be live (open sessions, the last login) declares no topics.
"""

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail import hooks

HOOK = "register_cabinet_panel"
# Topics the core changes: grants and permissions; published pages.
ACCESS = "access"
CONTENT = "content"
_VERSION = "cabinet:v:{topic}:{user}"


@dataclass(frozen=True)
class Panel:
    name: str
    order: int
    template: str
    context: Callable[..., dict | None]
    # The most database queries `context` and the template make for one person.
    queries: int
    topics: tuple[str, ...] = field(default=())


def _cache():
    return caches[settings.CABINET_CACHE]


def registered_panels() -> list[Panel]:
    panels = [make() for make in hooks.get_hooks(HOOK)]
    names = [panel.name for panel in panels]
    if len(names) != len(set(names)):
        raise ValueError(f"Two cabinet panels share a name: {sorted(names)}")
    return sorted(panels, key=lambda panel: (panel.order, panel.name))


def changed(topic: str, user: AbstractBaseUser | None = None) -> None:
    """What panels of `topic` show has changed: for everyone, or for `user` only.

    Counted once the change is committed: before it, another request would read the old
    rows and keep them under the new version.
    """
    key = _VERSION.format(topic=topic, user=user.pk if user is not None else "*")
    transaction.on_commit(lambda: _bump(key))


def _bump(key: str) -> None:
    # A new random version rather than a counter: a version evicted from the cache and
    # counted again from the start could meet copies kept under its old values.
    _cache().set(key, secrets.token_hex(8), None)


def _version_keys(panel: Panel, user: AbstractBaseUser) -> list[str]:
    return [
        _VERSION.format(topic=topic, user=who) for topic in panel.topics for who in ("*", user.pk)
    ]


def _versions(cache, panels: list[Panel], user: AbstractBaseUser) -> dict[str, str]:
    """Every version the panels depend on; those the cache has not got are started now."""
    keys = {key for panel in panels for key in _version_keys(panel, user)}
    versions = cache.get_many(list(keys))
    for key in keys - versions.keys():
        token = secrets.token_hex(8)
        # Another request may have started it meanwhile: then theirs counts.
        version = token if cache.add(key, token, None) else cache.get(key)
        if version is not None:
            versions[key] = version
    return versions


def panel_data(request: HttpRequest, panels: Iterable[Panel]) -> list[tuple[Panel, dict]]:
    """The data of every panel that shows for `request.user`, in order: one `get_many`
    for the versions, one for the kept data, one `set_many` for what was read afresh."""
    user = request.user
    panels = list(panels)
    cache = _cache()
    versions = _versions(cache, [panel for panel in panels if panel.topics], user)
    data_keys = {}
    for panel in panels:
        keys = _version_keys(panel, user)
        if keys and all(key in versions for key in keys):
            stamp = ".".join(versions[key] for key in keys)
            data_keys[panel.name] = f"cabinet:data:{panel.name}:{user.pk}:{stamp}"
    kept = cache.get_many(list(data_keys.values()))
    shown, fresh = [], {}
    for panel in panels:
        key = data_keys.get(panel.name)
        if key in kept:
            (data,) = kept[key]
        else:
            data = panel.context(request)
            if key:
                # Kept in a tuple, so that «the panel does not show» (None) is kept too.
                fresh[key] = (data,)
        if data is not None:
            shown.append((panel, data))
    if fresh:
        cache.set_many(fresh, settings.CABINET_CACHE_SECONDS)
    return shown


def render_panels(request: HttpRequest, panels: Iterable[Panel] | None = None) -> list[SafeString]:
    """The cabinet's sections, each rendered by its app's template (already safe: the
    template escapes what it prints)."""
    panels = registered_panels() if panels is None else panels
    return [
        render_to_string(panel.template, {**data, "panel": panel}, request=request)
        for panel, data in panel_data(request, panels)
    ]


def _access_changed(**_kwargs) -> None:
    changed(ACCESS)


def cabinet_invalidation_connect() -> None:
    """Grants (guardian's object permissions), groups and permissions change what a
    person may open, so every panel listing what is open to them is stale."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from guardian.models import GroupObjectPermission, UserObjectPermission

    for model in (UserObjectPermission, GroupObjectPermission):
        uid = f"cabinet-access-{model.__name__}"
        post_save.connect(_access_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_access_changed, sender=model, dispatch_uid=f"{uid}-delete")
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(_access_changed, sender=through, dispatch_uid=f"cabinet-{through}")
