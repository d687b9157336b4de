from allauth.account.adapter import get_adapter
from allauth.account.views import EmailView
from django.contrib import messages


class AddressesView(EmailView):
    """allauth's page of a person's e-mail addresses, where an address they add counts only
    once confirmed through the link sent to it: an unconfirmed one never becomes the
    account's address (allauth allows it while no address is confirmed), so no one can put
    another person's address on their account and keep its owner from confirming it."""

    def _action_primary(self, request, *args, **kwargs):
        address = self._get_email_address(request)
        if address is not None and not address.verified:
            get_adapter().add_message(
                request, messages.ERROR, "account/messages/unverified_primary_email.txt"
            )
            return None
        return super()._action_primary(request, *args, **kwargs)
