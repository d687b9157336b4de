from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SvedenConfig(AppConfig):
    name = "cms.sveden"
    label = "sveden"
    verbose_name = _("Information about the educational organisation")
