"""The personal cabinet is composed of panels that apps register (SPEC §3).

An app contributes a panel the way Wagtail apps extend Wagtail:

    @hooks.register("register_cabinet_panel")
    def platforms_panel():
        return Panel(name="cms.platforms", order=20, template="cms/cabinet/platforms.html",
                     context=_platforms, queries=2, topics=("platforms",))

`context(request)` returns the panel's data for `request.user`, or None when the panel
does not show for them. The cabinet's query budget is the sum of its panels' `queries`.

A panel with `topics` has its data kept in the cache per user until one of the topics
changes (`eios/kept.py`): the app that changes what the panel shows calls `changed(topic)`
(everyone's copy is stale) or `changed(topic, user=...)` (one person's). The cabinet reads
every version and every kept value with one `get_many` each, however many panels there are.
A panel whose data must be live declares no topics. `stamp(request)` names what else the
kept data depends on that the request already holds (the «Logins» panel: the person's
last login), so the commonest change needs no `changed()` at all.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail import hooks

from .kept import Kept, changed, kept_values

HOOK = "register_cabinet_panel"
# Topics the core changes: grants and permissions; published pages.
ACCESS = "access"
CONTENT = "content"


@dataclass(frozen=True)
class Panel:
    name: str
    order: int
    template: str
    context: Callable[..., dict | None]
    # The most database queries `context` and the template make for one person.
    queries: int
    topics: tuple[str, ...] = field(default=())
    stamp: Callable[[HttpRequest], str] | None = None


def registered_panels() -> list[Panel]:
    panels = [make() for make in hooks.get_hooks(HOOK)]
    names = [panel.name for panel in panels]
    if len(names) != len(set(names)):
        raise ValueError(f"Two cabinet panels share a name: {sorted(names)}")
    return sorted(panels, key=lambda panel: (panel.order, panel.name))


def panel_data(request: HttpRequest, panels: Iterable[Panel]) -> list[tuple[Panel, dict]]:
    """The data of every panel that shows for `request.user`, in order: one `get_many`
    for the versions, one for the kept data, one `set_many` for what was read afresh
    (`eios/kept.py`)."""
    panels = list(panels)
    values = kept_values(
        request.user,
        [
            Kept(
                f"cabinet:{panel.name}",
                panel.topics,
                partial(panel.context, request),
                panel.stamp(request) if panel.stamp else "",
            )
            for panel in panels
        ],
    )
    return [(panel, data) for panel, data in zip(panels, values, strict=True) if data is not None]


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
