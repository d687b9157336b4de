from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.models import update_last_login
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from . import signals  # noqa: F401 - connects the receivers
        from .access import access_elements_register
        from .cabinet import cabinet_invalidation_connect
        from .names import sqlite_functions_register

        connection_created.connect(sqlite_functions_register, dispatch_uid="accounts-sqlite")
        # The last login is written with the rest of a login (`services.signin`), in one
        # statement rather than through `User.save()`.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        access_elements_register()
        cabinet_invalidation_connect()
