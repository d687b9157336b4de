from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Closure(models.TextChoices):
    """How closed an element is (regulation §5.2)."""

    PUBLIC = "public", _("public")
    AUTHORISED = "authorised", _("any signed-in user")
    RESTRICTED = "restricted", _("only those granted")


class Action(models.TextChoices):
    VIEW = "view", _("view")
    CHANGE = "change", _("change")
    ADMINISTER = "administer", _("administer")


# Who may administer may change; who may change may view.
IMPLIED = {
    Action.VIEW: {Action.VIEW},
    Action.CHANGE: {Action.CHANGE, Action.VIEW},
    Action.ADMINISTER: {Action.ADMINISTER, Action.CHANGE, Action.VIEW},
}
EVERYTHING = frozenset(Action)


def with_implied(actions: Iterable[Action | str]) -> set[Action]:
    return {implied for action in actions for implied in IMPLIED[Action(action)]}
