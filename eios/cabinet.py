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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail import hooks

HOOK = "register_cabinet_panel"
_VERSION = "cabinet:v:{topic}:{user}"
# A version never seen is 0; a bump starts from a value no earlier key can have held.
_MISSING = object()


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


def changed(topic: str, user=None) -> None:
    """What panels of `topic` show has changed: for everyone, or for `user` only."""
    key = _VERSION.format(topic=topic, user=user.pk if user is not None else "*")
    cache = _cache()
    try:
        cache.incr(key)
    except ValueError:
        # Unknown key: any value other than the implicit 0 makes older copies stale.
        cache.set(key, 1, None)


def _version_keys(panel: Panel, user) -> list[str]:
    return [
        _VERSION.format(topic=topic, user=who) for topic in panel.topics for who in ("*", user.pk)
    ]


def _data_key(panel: Panel, user, versions: dict) -> str:
    stamp = ".".join(str(versions.get(key, 0)) for key in _version_keys(panel, user))
    return f"cabinet:data:{panel.name}:{user.pk}:{stamp}"


def panel_data(request, panels: Iterable[Panel]) -> list[tuple[Panel, dict]]:
    """The data of every panel that shows for `request.user`, in order."""
    user = request.user
    panels = list(panels)
    cached = [panel for panel in panels if panel.topics]
    cache = _cache()
    versions = cache.get_many([key for panel in cached for key in _version_keys(panel, user)])
    data_keys = {panel.name: _data_key(panel, user, versions) for panel in cached}
    kept = cache.get_many(list(data_keys.values()))
    shown, fresh = [], {}
    for panel in panels:
        key = data_keys.get(panel.name)
        data = kept.get(key, _MISSING) if key else _MISSING
        if data is _MISSING:
            data = panel.context(request)
            if key:
                # None (the panel does not show) is kept too, as a marker.
                fresh[key] = {"shown": data is not None, "data": data}
        else:
            data = data["data"]
        if data is not None:
            shown.append((panel, data))
    if fresh:
        cache.set_many(fresh, settings.CABINET_CACHE_SECONDS)
    return shown


def render_panels(request, panels: Iterable[Panel] | None = None) -> list[SafeString]:
    """The cabinet's sections, each rendered by its app's template (already safe: the
    template escapes what it prints)."""
    panels = registered_panels() if panels is None else panels
    return [
        render_to_string(panel.template, {**data, "panel": panel}, request=request)
        for panel, data in panel_data(request, panels)
    ]
