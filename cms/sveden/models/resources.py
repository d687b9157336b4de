"""Subsections about premises, resources and support: [1493] §§13, 17, 19."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site

from cms.models import Platform
from cms.search_text import platforms_text

from ..blocks import EquippedRoomBlock, FacilityBlock, LinkBlock
from .base import TEXT_FEATURES, SvedenSectionPage, document_field, rows, sibling_section


def _text(verbose_name, help_text=""):
    return RichTextField(verbose_name, blank=True, features=TEXT_FEATURES, help_text=help_text)


def _count(verbose_name):
    # [MR9] 3.9.4 and [CLAR] §IV.6: a school without a dormitory writes 0, not nothing.
    return models.PositiveIntegerField(verbose_name, default=0)


class SvedenObjectsPage(SvedenSectionPage):
    """[1493] §13; [MR9] 3.9.1–3.9.4: premises, resources and the accessible environment.

    `erList` is where the platform catalogue of regulation §4.5 meets the federal rules: every
    platform of the school with a web address is listed automatically.
    """

    SLUG = "objects"
    TITLE = (
        "Материально-техническое обеспечение и оснащённость образовательного процесса. "
        "Доступная среда"
    )

    classrooms = StreamField(
        [("room", EquippedRoomBlock())], blank=True, verbose_name=_("equipped classrooms")
    )
    practice_objects = StreamField(
        [("room", EquippedRoomBlock())],
        blank=True,
        verbose_name=_("objects for practical classes"),
    )
    libraries = StreamField([("library", FacilityBlock())], blank=True, verbose_name=_("libraries"))
    sport_objects = StreamField(
        [("object", FacilityBlock())], blank=True, verbose_name=_("sport objects")
    )
    accessibility = _text(_("access to the buildings for people with disabilities"))
    means = _text(_("means of training and upbringing"))
    means_adapted = _text(_("means of training and upbringing adapted for disabilities"))
    networks = _text(_("access to information systems and networks"))
    networks_adapted = _text(
        _("access to information systems and networks adapted for disabilities")
    )
    special_means = _text(
        _("special technical means of training"),
        _("For collective and individual use. Leave blank if there are none."),
    )
    resources = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("further electronic educational resources"),
        help_text=_("The school's platforms with a web address are listed automatically."),
    )
    resources_adapted = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("further electronic resources adapted for disabilities"),
        help_text=_("Platforms marked as adapted for disabilities are listed automatically."),
    )
    hostels = _count(_("dormitories"))
    hostel_places = _count(_("places in dormitories"))
    hostel_places_adapted = _count(_("dormitory rooms adapted for disabilities"))
    boarding_houses = _count(_("boarding houses"))
    boarding_places = _count(_("places in boarding houses"))
    boarding_places_adapted = _count(_("boarding-house rooms adapted for disabilities"))
    hostel_access = _text(
        _("access to dormitories and boarding houses for people with disabilities"),
        _("Leave blank if there are none."),
    )
    hostel_fee_document = document_field(
        _("how the dormitory fee is formed"), _("Leave blank if there is no dormitory.")
    )

    document_fields = ("hostel_fee_document",)
    # Table 3.9.4, published here and in «Стипендии» from one entry.
    HOSTEL = (
        "hostels",
        "hostel_places",
        "hostel_places_adapted",
        "boarding_houses",
        "boarding_places",
        "boarding_places_adapted",
        "hostel_access",
        "hostel_fee_document",
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("classrooms"),
        FieldPanel("practice_objects"),
        FieldPanel("libraries"),
        FieldPanel("sport_objects"),
        MultiFieldPanel(
            [
                FieldPanel("accessibility"),
                FieldPanel("means"),
                FieldPanel("means_adapted"),
                FieldPanel("networks"),
                FieldPanel("networks_adapted"),
                FieldPanel("special_means"),
            ],
            heading=_("Accessible environment"),
        ),
        HelpPanel(
            _(
                "Electronic resources: the school's platforms (Platforms in the menu) are "
                "listed automatically; add here only resources that are not platforms."
            )
        ),
        FieldPanel("resources"),
        FieldPanel("resources_adapted"),
        MultiFieldPanel(
            [
                FieldPanel("hostels"),
                FieldPanel("hostel_places"),
                FieldPanel("hostel_places_adapted"),
                FieldPanel("boarding_houses"),
                FieldPanel("boarding_places"),
                FieldPanel("boarding_places_adapted"),
                FieldPanel("hostel_access"),
                FieldPanel("hostel_fee_document"),
            ],
            heading=_("Dormitories and boarding houses"),
            help_text=_("Also shown in «Стипендии и меры поддержки обучающихся»."),
        ),
        FieldPanel("body"),
    ]

    shows = ("cms.Platform",)

    class Meta:
        verbose_name = _("subsection: premises and accessible environment")

    def shown_text(self) -> str:
        # Every platform of the school with a web address is listed under erList.
        return platforms_text(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        platforms = [
            platform
            for platform in Platform.objects.filter(school__site=site).order_by(
                "sort_order", "name"
            )
            if platform.is_web
        ]
        context["platforms"] = platforms
        context["platforms_adapted"] = [p for p in platforms if p.adapted_for_disabled]
        context["resources"] = [child.value for child in self.resources]
        context["resources_adapted"] = [child.value for child in self.resources_adapted]
        for name in ("classrooms", "practice_objects", "libraries", "sport_objects"):
            context[name] = rows(getattr(self, name))
        context["hostel"] = self
        return context


class SvedenGrantsPage(SvedenSectionPage):
    """[1493] §17; [MR9] 3.10.1. Dormitory figures are those entered in «objects»."""

    SLUG = "grants"
    TITLE = "Стипендии и меры поддержки обучающихся"

    scholarships = _text(
        _("scholarships and the conditions of their payment"),
        _("Leave blank if scholarships are not provided."),
    )
    support = _text(
        _("social support measures"), _("E.g. free meals, transport to school, free textbooks.")
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("scholarships"),
        FieldPanel("support"),
        HelpPanel(
            _(
                "Dormitories and boarding houses are entered once, in «Материально-техническое "
                "обеспечение…», and shown here too."
            )
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: scholarships and support")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # [MR9] publishes table 3.9.4 in both subsections; it is entered once.
        context["hostel"] = sibling_section(
            request, self, SvedenObjectsPage, *SvedenObjectsPage.HOSTEL
        )
        return context


class SvedenCateringPage(SvedenSectionPage):
    """[1493] §19; [MR9] 3.15.1–3.15.2.

    The НОО hot-meal menu, dietary menu, lists of operators and suppliers and the parents'
    feedback form have no itemprop ([CLAR] Q6); they go into the additional information.
    """

    SLUG = "catering"
    TITLE = "Организация питания в образовательной организации"

    catering_objects = StreamField(
        [("object", FacilityBlock())], blank=True, verbose_name=_("catering objects")
    )
    health = _text(_("conditions of health protection of students"))

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("catering_objects"),
        FieldPanel("health"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: catering")

    def get_context(self, request, *args, **kwargs):
        from cms.food.selectors import catering_menus

        context = super().get_context(request, *args, **kwargs)
        context["meals"] = rows(self.catering_objects)
        # [1493] §19(2): the daily menu; the files are those of /food/ (letter ГД-1158/01).
        context["menus"] = catering_menus(Site.find_for_request(request))
        return context
