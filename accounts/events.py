"""What happens to accounts, for other apps to act on without accounts knowing them
(an app withdraws what it handed a person when the person is blocked, §6.7)."""

from django.dispatch import Signal

# Sent once the block is committed: `user` (the account), `block` (the Block record).
account_blocked = Signal()
