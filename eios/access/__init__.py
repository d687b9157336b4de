"""Who may view, change or administer an element (SPEC §4; regulation §5.2–§5.6).

Every view and file download asks here; nothing decides access on its own.
What a user may do follows from the element's closure level (public, for any
signed-in user, restricted to those granted), the user's positions (status and
post), structural ties (the class teacher of a class, the head of a subject
department of its materials) and per-element grants kept by django-guardian, to
people and to positions (their groups).
"""

from .decide import (
    actions_of,
    administers_anything,
    administers_page,
    can,
    is_public,
    visible,
)
from .grants import GrantRefused, grant, holders_of, holdings_of, revoke
from .levels import Action, Closure

__all__ = [
    "Action",
    "Closure",
    "GrantRefused",
    "actions_of",
    "administers_anything",
    "administers_page",
    "can",
    "grant",
    "holders_of",
    "holdings_of",
    "is_public",
    "revoke",
    "visible",
]
