"""Subsections about what is taught: [1493] §10 (as amended by [1353]) and §20."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from eios.models import School

from ..blocks import LinkBlock, ProgrammeBlock
from .base import SvedenSectionPage, document_field, rows


class SvedenEducationPage(SvedenSectionPage):
    """[1493] §10; [MR9] 3.5.1–3.5.8.

    SPEC §1 and regulation §6.2: curricula, calendar schedules and work programmes are public
    here, per programme and subject; each work programme names the platforms it uses.
    """

    SLUG = "education"
    TITLE = "Образование"

    programmes = StreamField(
        [("programme", ProgrammeBlock())],
        blank=True,
        verbose_name=_("educational programmes"),
        help_text=_("Each implemented programme, adapted programmes included."),
    )
    language_document = document_field(
        _("languages of education"), _("An electronic document with an electronic signature.")
    )
    numbers_document = document_field(
        _("numbers of students"),
        _("By programme and source of funding, foreign citizens included; an electronic document."),
    )
    transfer_document = document_field(
        _("results of transfer, reinstatement and expulsion"),
        _("An electronic document, updated at the start of the school year."),
    )
    accreditation_document = document_field(
        _("state accreditation"),
        _(
            "Extract from the register of accreditations: "
            "https://islod.obrnadzor.gov.ru/accredreestr/ ([1353], from 01.03.2026)."
        ),
    )

    document_fields = (
        "language_document",
        "numbers_document",
        "transfer_document",
        "accreditation_document",
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("programmes"),
        MultiFieldPanel([FieldPanel(field) for field in document_fields], heading=_("Documents")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: education")

    def clean(self):
        super().clean()
        self._check_platforms_belong_to_school()

    def _check_platforms_belong_to_school(self) -> None:
        """A work programme may only name platforms of this school's own catalogue."""
        site = self.get_site() if self.path else None
        school = School.objects.filter(site=site).first() if site else None
        if school is None:
            return
        foreign = sorted(
            {
                platform.name
                for programme in self.programmes
                for work_programme in programme.value["work_programmes"]
                for platform in work_programme["platforms"]
                if platform is not None and platform.school_id != school.pk
            }
        )
        if foreign:
            raise ValidationError(
                {
                    "programmes": ValidationError(
                        _("These platforms belong to another school: %(names)s."),
                        code="foreign_platform",
                        params={"names": ", ".join(foreign)},
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = rows(self.programmes)
        return context


class SvedenEduStandartsPage(SvedenSectionPage):
    """[1493] §20; [MR9] 3.6.1. Own standards and requirements are for universities only."""

    SLUG = "eduStandarts"
    TITLE = "Образовательные стандарты и требования"

    federal_standards = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("federal state educational standards"),
        help_text=_("Links to the acts approving the standards the school applies."),
    )
    federal_requirements = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("federal state requirements"),
        help_text=_("Only for pre-professional programmes; leave blank otherwise."),
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("federal_standards"),
        FieldPanel("federal_requirements"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: educational standards")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["standards"] = [child.value for child in self.federal_standards]
        context["requirements"] = [child.value for child in self.federal_requirements]
        return context
