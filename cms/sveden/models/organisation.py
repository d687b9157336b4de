"""Subsections about the organisation itself: [1493] §§7, 8, 9, 11, 12."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField

from cms.search_text import school_text
from eios.models import School

from ..blocks import (
    FilialBlock,
    FilialHeadBlock,
    FounderBlock,
    ManagerBlock,
    StructUnitBlock,
    TeacherBlock,
)
from .base import SvedenSectionPage, document_field, rows, sibling_section

ONE_PER_LINE = _("One address per line. Leave blank if there are none.")


class SvedenCommonPage(SvedenSectionPage):
    """[1493] §7; [MR9] 3.2.1–3.2.4. Names and requisites come from the School setting."""

    SLUG = "common"
    TITLE = "Основные сведения"

    # (field, itemprop, «при наличии»): places of educational activity, [MR9] 3.2.4.
    PLACES = (
        ("places_network", "addressPlaceSet", True),
        ("places_practice", "addressPlacePrac", True),
        ("places_training", "addressPlacePodg", True),
        # Schools hold ГИА-9 and ГИА-11 themselves, so this one is never «отсутствует».
        ("places_final_attestation", "addressPlaceGia", False),
        ("places_additional", "addressPlaceDop", True),
        ("places_vocational", "addressPlaceOppo", True),
    )

    founders = StreamField([("founder", FounderBlock())], blank=True, verbose_name=_("founders"))
    license_document = document_field(
        _("licence"),
        _("Extract from the register of licences: https://islod.obrnadzor.gov.ru/rlic/"),
    )
    places_network = models.TextField(
        _("places of activity under the network form"), blank=True, help_text=ONE_PER_LINE
    )
    places_practice = models.TextField(_("places of practice"), blank=True, help_text=ONE_PER_LINE)
    places_training = models.TextField(
        _("places of practical training"), blank=True, help_text=ONE_PER_LINE
    )
    places_final_attestation = models.TextField(
        _("places of the state final attestation"),
        blank=True,
        help_text=_("One address per line."),
    )
    places_additional = models.TextField(
        _("places of additional education"), blank=True, help_text=ONE_PER_LINE
    )
    places_vocational = models.TextField(
        _("places of basic vocational training"), blank=True, help_text=ONE_PER_LINE
    )

    document_fields = ("license_document",)

    content_panels = [
        *SvedenSectionPage.head_panels(),
        HelpPanel(
            _(
                "The full and short name, date of creation, address, working hours, telephones "
                "and e-mails are taken from the school settings (Settings → School). The "
                "accreditation extract is entered in the subsection «Образование»."
            )
        ),
        FieldPanel("founders"),
        FieldPanel("license_document"),
        MultiFieldPanel(
            [FieldPanel(field) for field, _itemprop, _optional in PLACES],
            heading=_("Places of educational activity"),
        ),
        FieldPanel("body"),
    ]

    shows = ("eios.School",)

    class Meta:
        verbose_name = _("subsection: basic information")

    def shown_text(self) -> str:
        return school_text(self)

    def get_context(self, request, *args, **kwargs):
        from .education import SvedenEducationPage

        context = super().get_context(request, *args, **kwargs)
        context["school"] = School.for_request(request)
        context["founders"] = rows(self.founders)
        # One extract, entered once: it moved to «Образование» on 01.03.2026 ([1353]) and is
        # repeated here for the robots that still look for it in this subsection.
        education = sibling_section(request, self, SvedenEducationPage, "accreditation_document")
        context["accreditation"] = education.accreditation_document if education else None
        context["places"] = [
            {
                "label": self._meta.get_field(field).verbose_name,
                "itemprop": itemprop,
                "optional": optional,
                "lines": [
                    line.strip() for line in getattr(self, field).splitlines() if line.strip()
                ],
            }
            for field, itemprop, optional in self.PLACES
        ]
        return context


class SvedenStructPage(SvedenSectionPage):
    """[1493] §8; [MR9] 3.3.1–3.3.3. Representative offices are for universities only."""

    SLUG = "struct"
    TITLE = "Структура и органы управления образовательной организацией"

    units = StreamField(
        [("unit", StructUnitBlock())],
        blank=True,
        verbose_name=_("structural units and governing bodies"),
    )
    filials = StreamField([("filial", FilialBlock())], blank=True, verbose_name=_("branches"))

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("units"),
        FieldPanel("filials"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: structure and governing bodies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["units"] = rows(self.units)
        context["filials"] = rows(self.filials)
        return context


class SvedenDocumentPage(SvedenSectionPage):
    """[1493] §9; [MR9] 3.4.1: every item on the main page of the subsection."""

    SLUG = "document"
    TITLE = "Документы"

    # (field, itemprop, «при наличии»), in the order of [MR9] 3.4.1.
    ITEMS = (
        ("charter", "ustavDocLink", False),
        ("student_rules", "localActStud", False),
        ("labour_rules", "localActOrder", False),
        ("collective_agreement", "localActCollec", True),
        ("self_evaluation_report", "reportEduDocLink", False),
        ("admission_rules", "priemDocLink", False),
        ("study_mode", "modeDocLink", False),
        ("assessment_rules", "tekKontrolDocLink", False),
        ("transfer_rules", "perevodDocLink", False),
        ("relations_rules", "vozDocLink", False),
    )

    charter = document_field(_("charter"), _("A copy; it needs no electronic signature."))
    student_rules = document_field(_("internal regulations for students"))
    labour_rules = document_field(_("internal labour regulations"))
    collective_agreement = document_field(_("collective agreement"))
    self_evaluation_report = document_field(_("self-evaluation report"))
    admission_rules = document_field(_("admission rules"))
    study_mode = document_field(_("mode of study"))
    assessment_rules = document_field(
        _("progress monitoring and interim assessment"),
        _("Forms, frequency and procedure of progress monitoring and interim assessment."),
    )
    transfer_rules = document_field(
        _("transfer, expulsion and reinstatement"),
        _("Procedure and grounds for transfer, expulsion and reinstatement of students."),
    )
    relations_rules = document_field(
        _("educational relations"),
        _("How educational relations arise, are suspended and end."),
    )
    prescriptions = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        blank=True,
        verbose_name=_("orders of supervisory bodies and reports on their execution"),
        help_text=_("Until they are executed or annulled. Leave blank if there are none."),
    )

    document_fields = tuple(field for field, _itemprop, _optional in ITEMS)

    content_panels = [
        *SvedenSectionPage.head_panels(),
        *(FieldPanel(field) for field, _itemprop, _optional in ITEMS),
        FieldPanel("prescriptions"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: documents")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = [
            {
                "label": self._meta.get_field(field).verbose_name,
                "itemprop": itemprop,
                "optional": optional,
                "document": getattr(self, field),
            }
            for field, itemprop, optional in self.ITEMS
        ]
        context["prescriptions"] = [child.value for child in self.prescriptions]
        return context


class SvedenManagersPage(SvedenSectionPage):
    """[1493] §11; [MR9] 3.7.1–3.7.3."""

    SLUG = "managers"
    TITLE = "Руководство"

    director_name = models.CharField(_("full name"), max_length=300, blank=True)
    director_post = models.CharField(_("position"), max_length=300, blank=True)
    director_telephone = models.CharField(_("telephones"), max_length=300, blank=True)
    director_email = models.CharField(_("e-mail"), max_length=300, blank=True)
    deputies = StreamField([("deputy", ManagerBlock())], blank=True, verbose_name=_("deputies"))
    filial_heads = StreamField(
        [("head", FilialHeadBlock())], blank=True, verbose_name=_("heads of branches")
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        MultiFieldPanel(
            [
                FieldPanel("director_name"),
                FieldPanel("director_post"),
                FieldPanel("director_telephone"),
                FieldPanel("director_email"),
            ],
            heading=_("Head of the school"),
        ),
        FieldPanel("deputies"),
        FieldPanel("filial_heads"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: management")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["deputies"] = rows(self.deputies)
        context["filial_heads"] = rows(self.filial_heads)
        return context


class SvedenEmployeesPage(SvedenSectionPage):
    """[1493] §12 as amended by [1353]; [MR9] 3.8.1–3.8.2."""

    SLUG = "employees"
    TITLE = "Педагогический состав"

    teachers = StreamField(
        [("teacher", TeacherBlock())],
        blank=True,
        verbose_name=_("teachers"),
        help_text=_(
            "Everyone teaching this school year, the head and deputies who teach included."
        ),
    )

    content_panels = [*SvedenSectionPage.head_panels(), FieldPanel("teachers"), FieldPanel("body")]

    class Meta:
        verbose_name = _("subsection: teaching staff")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["teachers"] = rows(self.teachers)
        return context
