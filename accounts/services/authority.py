"""Whose account a person may act on (regulation §5.6: the system administrator answers
for the confidentiality of credentials).

Nobody blocks, unblocks or resets the credentials of an account that holds more than
they do: the superuser outranks the system administrator, who outranks everyone else.
Without this rule any holder of the blocking permission could lock out, or take over,
the one account that can undo what they did.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from accounts.models import User

# The system administrator's own permission; holding it is what makes the rank.
SYSTEM_ADMINISTRATOR_PERMISSION = "block_user"

OTHERS, SYSTEM_ADMINISTRATOR, SUPERUSER = range(3)


# Read from the permission rows, whether or not the account is blocked at the moment
# (Django's `has_perm` answers «no» for a blocked account, which would let anyone reset it).
HOLDS_ADMINISTRATOR_PERMISSION = Q(
    user_permissions__codename=SYSTEM_ADMINISTRATOR_PERMISSION,
    user_permissions__content_type__app_label="accounts",
) | Q(
    groups__permissions__codename=SYSTEM_ADMINISTRATOR_PERMISSION,
    groups__permissions__content_type__app_label="accounts",
)


def account_rank(user: User) -> int:
    if user.is_superuser:
        return SUPERUSER
    if not hasattr(user, "_account_rank"):
        administrator = User.objects.filter(HOLDS_ADMINISTRATOR_PERMISSION, pk=user.pk).exists()
        user._account_rank = SYSTEM_ADMINISTRATOR if administrator else OTHERS
    return user._account_rank


def accounts_above(actor: User, users: Iterable[User]) -> list[User]:
    """Those of `users` whose accounts hold more than `actor`'s (one query at most)."""
    rank = account_rank(actor)
    others = [user for user in users if user.pk != actor.pk]
    if rank == SUPERUSER:
        return []
    administrators = set()
    if rank == OTHERS:
        administrators = set(
            User.objects.filter(
                HOLDS_ADMINISTRATOR_PERMISSION, pk__in=[user.pk for user in others]
            ).values_list("pk", flat=True)
        )
    return [user for user in others if user.is_superuser or user.pk in administrators]


def may_act_on_account(actor: User | AnonymousUser | None, user: User) -> bool:
    """Whether `actor` ranks at least as high as the owner of `user`'s account."""
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    return not accounts_above(actor, [user])
