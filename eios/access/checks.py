"""A start-up guard for the hooks serving.py edits (issue 11, item 8).

The access module takes Wagtail's own «Privacy» checks of pages and documents out of
Wagtail's private hook lists and puts its own in. After a Wagtail upgrade that moves or
renames those checks, Wagtail's would stay (refusing the people granted an element, and
answering others with a login form that tells something is there), or ours would be
missing (closed content served by Wagtail's rules alone). Django then refuses to start
(`manage.py check`, `runserver`, `migrate`) until someone reviews eios/access/serving.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core import checks

if TYPE_CHECKING:
    from django.apps import AppConfig

HINT = "Review eios/access/serving.py against the Wagtail release notes."


def wagtail_privacy_checks_replaced(
    app_configs: list[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    from wagtail import hooks

    from .serving import OUR_CHECKS, WAGTAIL_CHECKS, wagtail_check

    errors = []
    for hook_name, ours in OUR_CHECKS.items():
        module, name = WAGTAIL_CHECKS[hook_name]
        if wagtail_check(hook_name) is None:
            errors.append(
                checks.Error(
                    f"Wagtail's privacy check {module}.{name} is gone: its replacement "
                    f"in «{hook_name}» may miss a new one.",
                    hint=HINT,
                    id="eios.E001",
                )
            )
        registered = hooks.get_hooks(hook_name)
        # Wagtail registers nothing else there today: any function of its own is its
        # privacy check, put back or moved.
        for fn in registered:
            if fn.__module__.split(".")[0] == "wagtail":
                errors.append(
                    checks.Error(
                        f"Wagtail's {fn.__module__}.{fn.__qualname__} is in «{hook_name}»: "
                        "it decides access beside the access module.",
                        hint=HINT,
                        id="eios.E002",
                    )
                )
        if ours not in registered:
            errors.append(
                checks.Error(
                    f"The access module's check is not in «{hook_name}».",
                    hint=HINT,
                    id="eios.E003",
                )
            )
    return errors
