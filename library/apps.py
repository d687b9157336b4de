from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Electronic library")

    def ready(self):
        from . import signals  # noqa: F401 — connects the receivers
        from .access import access_elements_register
        from .checks import credential_keys_check

        access_elements_register()
        checks.register(credential_keys_check, checks.Tags.security, deploy=True)
