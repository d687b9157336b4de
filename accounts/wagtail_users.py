"""wagtail.users with the Users screen of `accounts/admin_views/users.py`.

Its own module: a second AppConfig in accounts/apps.py would stop Django from
picking AccountsConfig, whose ready() connects the login signals.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAdminConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_views.users.UserViewSet"
