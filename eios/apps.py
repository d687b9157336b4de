from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EiosConfig(AppConfig):
    name = "eios"
    verbose_name = _("EIOS")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .access.elements import administer_permissions_ensure

        post_migrate.connect(
            administer_permissions_ensure, sender=self, dispatch_uid="eios-administer"
        )
