from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EiosConfig(AppConfig):
    name = "eios"
    verbose_name = _("EIOS")

    def ready(self):
        from django.core import checks
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from .access.checks import wagtail_privacy_checks_replaced
        from .access.registry import administer_permissions_ensure
        from .audit_db import audit_lock_function_install, audit_role_check
        from .cabinet import cabinet_invalidation_connect
        from .exports import spreadsheet_exports_install

        spreadsheet_exports_install()
        cabinet_invalidation_connect()

        connection_created.connect(audit_lock_function_install, dispatch_uid="eios-audit-lock")
        checks.register(audit_role_check, checks.Tags.security, deploy=True)
        checks.register(wagtail_privacy_checks_replaced, checks.Tags.security)

        post_migrate.connect(
            administer_permissions_ensure, sender=self, dispatch_uid="eios-administer"
        )
