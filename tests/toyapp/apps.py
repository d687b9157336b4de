from django.apps import AppConfig


class ToyAppConfig(AppConfig):
    """An app that joins access control the way portfolio and library will: by registering
    its kind of element and its post when it is ready, touching neither eios nor accounts.
    Installed by the test settings only."""

    name = "tests.toyapp"
    label = "toyapp"

    def ready(self):
        from .access import access_elements_register
        from .cabinet import cabinet_invalidation_connect

        access_elements_register()
        cabinet_invalidation_connect()
