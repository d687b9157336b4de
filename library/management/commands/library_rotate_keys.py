from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...services.external import credentials_rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt external libraries' credentials with the first key of LIBRARY_CREDENTIAL_KEYS."
    )

    def handle(self, *args, **options):
        count = credentials_rotate_keys()
        self.stdout.write(
            self.style.SUCCESS(_("Credentials re-encrypted: %(count)d.") % {"count": count})
        )
