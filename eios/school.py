from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from .fragments import remember


@register_setting(icon="home")
class School(BaseSiteSetting):
    """The school that owns a Wagtail site: names and requisites.

    One site = one school, so a municipality adds a school by adding a site
    (SPEC §8); nothing school-specific lives in global settings. It is the tenant
    every app hangs its records on (classes, orders, platforms …), so it lives in the
    core that they all may depend on.
    """

    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200, blank=True)
    founded_on = models.DateField(_("date of creation"), null=True, blank=True)
    address = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_("Postcode, region, town, street, building."),
    )
    work_time = models.TextField(
        _("working mode and schedule"),
        blank=True,
        help_text=_("Week type, day length, start and end of lessons, breaks, shifts."),
    )
    telephone = models.CharField(
        _("telephones"),
        max_length=300,
        blank=True,
        help_text=_("«(code) number»; several numbers separated by «;»."),
    )
    email = models.CharField(
        _("e-mail addresses"),
        max_length=300,
        blank=True,
        help_text=_("Several addresses separated by «;»."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("short_name"), FieldPanel("founded_on")],
            heading=_("Names"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("work_time"),
                FieldPanel("telephone"),
                FieldPanel("email"),
            ],
            heading=_("Contacts"),
        ),
    ]

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    def __str__(self) -> str:
        return self.short_name or self.full_name

    @classmethod
    def for_request(cls, request: HttpRequest) -> School:
        """Wagtail's lookup, kept per content generation: every page shows the requisites."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            key = f"school:{site.pk if site else None}"
            school = remember(request, key, lambda: cls.for_site(site))
            school._request = request
            setattr(request, attr_name, school)
        return getattr(request, attr_name)

    @property
    def display_name(self) -> str:
        return self.short_name or self.full_name
