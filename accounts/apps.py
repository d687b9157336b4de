from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from . import signals  # connects the other receivers
        from .access import access_elements_register
        from .cabinet import cabinet_invalidation_connect
        from .names import sqlite_functions_register

        connection_created.connect(sqlite_functions_register, dispatch_uid="accounts-sqlite")
        # Our login receiver writes the last login with the rest of a login, in one plain
        # statement (`services.signin`). Django's auth app connects its own writer (a
        # `User.save()`) under this dispatch_uid once it is ready, after us: the uid being
        # taken, its connect is a no-op; were it ready first, it is disconnected here.
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(signals.on_login, dispatch_uid="update_last_login")
        access_elements_register()
        cabinet_invalidation_connect()
