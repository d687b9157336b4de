"""Access screens of the admin (regulation §5.5–§5.6): «who holds what on this element»,
with granting and revoking, and «what can this person do?». They live with accounts
because they show people and positions; every kind of element registered with the access
module (eios/access/registry.py) has its screen here, whichever app registered it.

Granting and revoking go through `eios.access.grant` / `revoke`, which check the actor
and write the audit log; nothing here decides access or writes a grant itself. An
element's screen opens only to those who administer the element; to everyone else it
answers exactly as a missing element does (404), so it tells nobody that a class or a
page with that number exists.

Each screen runs a fixed number of queries whatever the number of grants: holdings come
from the access module's overviews (a few queries per kind of element), and positions
are looked up once for all the groups shown.
"""

from .element import ElementAccessView, ElementRevokeView
from .person import PersonAccessView, may_read_holdings

__all__ = [
    "ElementAccessView",
    "ElementRevokeView",
    "PersonAccessView",
    "may_read_holdings",
]
