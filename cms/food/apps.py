from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FoodConfig(AppConfig):
    name = "cms.food"
    label = "food"
    verbose_name = _("School meals (/food/)")
