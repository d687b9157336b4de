from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EiosConfig(AppConfig):
    name = "eios"
    verbose_name = _("EIOS")
