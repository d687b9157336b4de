"""Who may view, change or administer an element (SPEC §4; regulation §5.2–§5.6).

Every view and file download asks here; nothing decides access on its own.
What a user may do follows from the element's closure level (public, for any
signed-in user, restricted to those granted), the user's positions (status and
post), structural ties (the class teacher of a class, the head of a subject
department of its materials) and per-element grants kept by django-guardian, to
people and to positions (their groups).

The kinds of element, the ties of posts and who sees everything are registered by
the apps that own them (`<app>/access.py`, see registry.py); nothing here names an
app's model.
"""

from .decide import (
    actions_of,
    administers_anything,
    can,
    granted_keys,
    holds_everywhere,
    is_public,
    visible,
)
from .elements import Element, Restriction, Tie, collection_restriction, from_view_restrictions
from .grants import (
    GrantRefused,
    grant,
    held_by_post,
    holders_by_post,
    holders_of,
    holdings_of,
    revoke,
)
from .levels import Action, Closure
from .registry import (
    element_access_url,
    element_for,
    register_element,
    register_sees_everything,
    register_tie,
)

__all__ = [
    "Action",
    "Closure",
    "Element",
    "GrantRefused",
    "Restriction",
    "Tie",
    "actions_of",
    "administers_anything",
    "can",
    "collection_restriction",
    "element_access_url",
    "element_for",
    "from_view_restrictions",
    "grant",
    "granted_keys",
    "held_by_post",
    "holders_by_post",
    "holders_of",
    "holdings_of",
    "holds_everywhere",
    "is_public",
    "register_element",
    "register_sees_everything",
    "register_tie",
    "revoke",
    "visible",
]
