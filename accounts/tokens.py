from allauth.account.forms import EmailAwarePasswordResetTokenGenerator

from .models import Block


class PasswordResetTokenGenerator(EmailAwarePasswordResetTokenGenerator):
    """Password reset keys that a block invalidates for good (regulation §12.2: credentials
    that may be compromised stay dead after unblocking): the key's hash covers the
    account's latest block, so a key mailed before a block differs from every key made
    after it, whether the account is still blocked or unblocked since."""

    def _make_hash_value(self, user, timestamp):
        latest_block = Block.objects.filter(user=user).order_by("-pk").values_list("pk", flat=True)
        return f"{super()._make_hash_value(user, timestamp)}|{latest_block.first() or ''}"
