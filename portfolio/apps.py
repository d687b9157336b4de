from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("E-portfolio")

    def ready(self):
        from .access import access_elements_register

        access_elements_register()
