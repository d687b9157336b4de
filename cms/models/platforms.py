from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.search_text import SearchTextMixin, platforms_text
from eios.models import School


class AccessKind(models.TextChoices):
    # Regulation §4.5, column «Доступ для пользователей».
    FREE = "free", _("free")
    AUTHORISED = "authorised", _("authorised")


def validate_platform_address(value: str) -> None:
    """An address is a web link or a mailto: link (the school's e-mail is a platform too)."""
    if value.startswith("mailto:"):
        if "@" not in value:
            raise ValidationError(_("Enter a valid e-mail link, e.g. mailto:school@example.ru."))
        return
    URLValidator(schemes=["http", "https"])(value)


class Platform(index.Indexed, models.Model):
    """An external electronic platform of the school's EIOS (regulation §4.5)."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="platforms", verbose_name=_("school")
    )
    name = models.CharField(_("name"), max_length=300)
    address = models.CharField(
        _("address"), max_length=500, blank=True, validators=[validate_platform_address]
    )
    purpose = models.TextField(_("purpose"), blank=True)
    access_kind = models.CharField(
        _("access"), max_length=20, choices=AccessKind.choices, default=AccessKind.FREE
    )
    positions = models.ManyToManyField(
        "accounts.Position",
        blank=True,
        related_name="platforms",
        verbose_name=_("positions it serves"),
    )
    on_federal_list = models.BooleanField(
        _("on the federal list of e-resources"),
        default=False,
        help_text=_("Approved by Order of the Ministry of Education No. 653 of 02.08.2022."),
    )
    adapted_for_disabled = models.BooleanField(
        _("adapted for people with disabilities"), default=False
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Filled by `manage.py check_platform_links`; None = never checked.
    link_alive = models.BooleanField(_("link works"), null=True, blank=True)
    link_checked_at = models.DateTimeField(_("link checked at"), null=True, blank=True)
    link_error = models.CharField(_("link check result"), max_length=300, blank=True)

    panels = [
        FieldPanel("school"),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("purpose"),
        FieldPanel("access_kind"),
        FieldPanel("positions"),
        MultiFieldPanel(
            [FieldPanel("on_federal_list"), FieldPanel("adapted_for_disabled")],
            heading=_("For «Сведения об образовательной организации»"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("purpose")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # A verdict about the old address says nothing about a new one.
        if self.pk is not None and self._address_changed():
            self.link_alive, self.link_checked_at, self.link_error = None, None, ""
        super().save(*args, **kwargs)

    def _address_changed(self) -> bool:
        stored = Platform.objects.filter(pk=self.pk).values_list("address", flat=True).first()
        return stored is not None and stored != self.address

    @property
    def is_web(self) -> bool:
        return self.address.startswith(("http://", "https://"))


class PlatformCatalogPage(SearchTextMixin, Page):
    """Public catalogue of the school's electronic platforms (SPEC §2)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    subpage_types: list[str] = []

    shows = ("cms.Platform",)

    class Meta:
        verbose_name = _("catalogue of platforms")

    def shown_text(self) -> str:
        return platforms_text(self)

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import platforms_for_site

        context = super().get_context(request, *args, **kwargs)
        context["platforms"] = platforms_for_site(self.get_site())
        return context
