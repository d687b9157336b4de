from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from eios.fragments import remember


@register_setting(icon="image")
class SiteLook(BaseSiteSetting):
    """How a school's site presents itself: its emblem in the header, the map link of its
    footer, the page its «Расписание» quick link opens (issue 14: a designed look)."""

    emblem = models.ForeignKey(
        "cms.SchoolImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("emblem"),
        help_text=_("The school's emblem or logo, shown beside its name in the header."),
    )
    map_url = models.URLField(
        _("link to the map"),
        blank=True,
        help_text=_(
            "The school on a map (Yandex Maps, 2GIS …). Left blank, the footer links to a "
            "map search for the school's address."
        ),
    )
    timetable_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("timetable page"),
        help_text=_("The page the «Расписание» quick link of the home page opens."),
    )

    panels = [FieldPanel("emblem"), FieldPanel("map_url"), FieldPanel("timetable_page")]

    class Meta:
        verbose_name = _("look of the site")
        verbose_name_plural = _("looks of the sites")

    @classmethod
    def for_request(cls, request):
        """Wagtail's lookup, kept per content generation: every page's header shows it."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            look = remember(
                request,
                f"site-look:{site.pk if site else None}",
                lambda: (
                    cls.objects.filter(site=site).select_related("emblem").first() or cls(site=site)
                ),
            )
            look._request = request
            setattr(request, attr_name, look)
        return getattr(request, attr_name)
