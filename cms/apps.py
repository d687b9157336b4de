from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Official site")

    def ready(self):
        from eios import pagecache

        from .access import access_elements_register
        from .cabinet import cabinet_invalidation_connect
        from .images import connect_relocation
        from .search_text import connect_reindexing

        pagecache.connect_invalidation()
        connect_relocation()
        access_elements_register()
        connect_reindexing()
        cabinet_invalidation_connect()
