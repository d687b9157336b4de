"""Subsections about money, places and partners: [1493] §§14, 15, 16, 18."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from ..blocks import AgreementBlock, FinancialYearBlock, VacantBlock
from .base import TEXT_FEATURES, SvedenSectionPage, document_field, rows

NONE_HELP = _("Leave blank if the school has none.")


def _volume(verbose_name):
    # Thousand roubles; blank means not entered yet, 0 means none ([CLAR]).
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Thousand roubles; enter 0 if there was none."),
    )


class SvedenPaidEduPage(SvedenSectionPage):
    """[1493] §14; [MR9] 3.11.1: without paid services each item reads «отсутствует»."""

    SLUG = "paid_edu"
    TITLE = "Платные образовательные услуги"

    procedure_document = document_field(
        _("procedure for providing paid educational services"), NONE_HELP
    )
    contract_document = document_field(_("sample contract"), NONE_HELP)
    cost_document = document_field(_("document approving the cost of education"), NONE_HELP)
    parental_fee = RichTextField(
        _("parental fee"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_(
            "Fee for childcare, boarding-school upkeep or extended-day groups. "
            "Leave blank if none is charged."
        ),
    )
    parental_fee_document = document_field(_("document setting the parental fee"), NONE_HELP)

    document_fields = (
        "procedure_document",
        "contract_document",
        "cost_document",
        "parental_fee_document",
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("procedure_document"),
        FieldPanel("contract_document"),
        FieldPanel("cost_document"),
        MultiFieldPanel(
            [FieldPanel("parental_fee"), FieldPanel("parental_fee_document")],
            heading=_("Parental fee"),
        ),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: paid educational services")


class SvedenBudgetPage(SvedenSectionPage):
    """[1493] §15; [MR9] 3.12.1–3.12.3."""

    SLUG = "budget"
    TITLE = "Финансово-хозяйственная деятельность"

    volumes_year = models.PositiveSmallIntegerField(
        _("financial year of the volumes"), null=True, blank=True
    )
    federal_volume = _volume(_("from the federal budget"))
    regional_volume = _volume(_("from the regional budget"))
    local_volume = _volume(_("from the local budget"))
    paid_volume = _volume(_("under contracts for paid services"))
    years = StreamField(
        [("year", FinancialYearBlock())],
        blank=True,
        verbose_name=_("receipts and spending by year"),
    )
    plan_document = document_field(
        _("plan of financial and economic activity or budget estimate"),
        _("An electronic document."),
    )
    bus_gov_url = models.URLField(
        _("page of the school on bus.gov.ru"),
        blank=True,
        help_text=_("Optional; shown next to the plan."),
    )

    document_fields = ("plan_document",)

    content_panels = [
        *SvedenSectionPage.head_panels(),
        MultiFieldPanel(
            [
                FieldPanel("volumes_year"),
                FieldPanel("federal_volume"),
                FieldPanel("regional_volume"),
                FieldPanel("local_volume"),
                FieldPanel("paid_volume"),
            ],
            heading=_("Volume of educational activity financed"),
        ),
        FieldPanel("years"),
        FieldPanel("plan_document"),
        FieldPanel("bus_gov_url"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: financial and economic activity")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = rows(self.years)
        return context


class SvedenVacantPage(SvedenSectionPage):
    """[1493] §16; [MR9] 3.13.1–3.13.2: one row per programme, grade and form."""

    SLUG = "vacant"
    TITLE = "Вакантные места для приёма (перевода) обучающихся"

    places = StreamField(
        [("row", VacantBlock())],
        blank=True,
        verbose_name=_("vacant places"),
        help_text=_("One row per grade and form of study; 0 where there are no places."),
    )

    content_panels = [*SvedenSectionPage.head_panels(), FieldPanel("places"), FieldPanel("body")]

    class Meta:
        verbose_name = _("subsection: vacant places")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["places"] = rows(self.places)
        return context


class SvedenInterPage(SvedenSectionPage):
    """[1493] §18; [MR9] 3.14.1–3.14.2: without agreements, one row of «отсутствует»."""

    SLUG = "inter"
    TITLE = "Международное сотрудничество"

    agreements = StreamField(
        [("agreement", AgreementBlock())],
        blank=True,
        verbose_name=_("agreements with foreign and international organisations"),
        help_text=_("Concluded and planned. Leave blank if there are none."),
    )

    content_panels = [
        *SvedenSectionPage.head_panels(),
        FieldPanel("agreements"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("subsection: international cooperation")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["agreements"] = rows(self.agreements)
        return context
