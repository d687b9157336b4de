"""The fixed skeleton of «Сведения об образовательной организации».

[1493] §6 fixes the subsections and [MR9] table 3.1 their addresses; the monitoring robot
fetches exactly those addresses, so the index and the 14 subsection pages keep their slug
and title whatever an editor does. Editors fill fields; templates emit the microdata.
"""

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Page, PagePermissionTester

from cms.blocks import BodyBlock
from cms.search_text import SearchTextMixin
from eios.fragments import remember

# The subsections in the order of [MR9] table 3.1; the tree and the navigation follow it.
SECTION_PAGE_TYPES = [
    "sveden.SvedenCommonPage",
    "sveden.SvedenStructPage",
    "sveden.SvedenDocumentPage",
    "sveden.SvedenEducationPage",
    "sveden.SvedenEduStandartsPage",
    "sveden.SvedenManagersPage",
    "sveden.SvedenEmployeesPage",
    "sveden.SvedenObjectsPage",
    "sveden.SvedenGrantsPage",
    "sveden.SvedenPaidEduPage",
    "sveden.SvedenBudgetPage",
    "sveden.SvedenVacantPage",
    "sveden.SvedenInterPage",
    "sveden.SvedenCateringPage",
]

# Plain formatting only: the text sits inside an itemprop element and must stay text.
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class FixedPagePermissionTester(PagePermissionTester):
    def can_unpublish(self):
        # An unpublished subsection is a missing address for the robot ([1493] §6).
        return False


class FixedAddressMixin:
    """A page whose slug and title are set by the federal rules, not by editors."""

    SLUG: ClassVar[str]
    TITLE: ClassVar[str]

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug", read_only=True), "seo_title", "search_description"],
            heading=_("For search engines"),
        ),
        MultiFieldPanel(["show_in_menus"], heading=_("For site menus")),
    ]

    def full_clean(self, *args, **kwargs):
        self._fixed_defaults()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # Drafts are saved with minimal_clean only; a draft must not rename the page either.
        self._fixed_defaults()
        super().minimal_clean()
        self._fixed_check()

    def clean(self):
        super().clean()
        self._fixed_check()

    def permissions_for_user(self, user):
        return FixedPagePermissionTester(user, self)

    def _fixed_defaults(self) -> None:
        # The read-only slug and title are not in the admin form, so a new page gets them here.
        self.slug = self.slug or self.SLUG
        self.title = self.title or self.TITLE

    def _fixed_check(self) -> None:
        errors = {}
        if self.slug != self.SLUG:
            errors["slug"] = ValidationError(
                _(
                    "The address of this page is fixed by the federal rules ([1493] §6): "
                    "the slug must stay «%(slug)s»."
                ),
                code="fixed_slug",
                params={"slug": self.SLUG},
            )
        if self.title != self.TITLE:
            errors["title"] = ValidationError(
                _("The title of this page is fixed by the federal rules: «%(title)s»."),
                code="fixed_title",
                params={"title": self.TITLE},
            )
        if errors:
            raise ValidationError(errors)


def is_fixed_page(page: Page) -> bool:
    """Whether a page (specific or not) is the index or a subsection of «Сведения»."""
    return issubclass(page.specific_class or Page, FixedAddressMixin)


class SvedenIndexPage(FixedAddressMixin, Page):
    """«Сведения об образовательной организации» at the fixed address /sveden/ ([1493] §§1–3)."""

    SLUG = "sveden"
    TITLE = "Сведения об образовательной организации"

    content_panels = [FieldPanel("title", read_only=True)]
    parent_page_types = ["cms.HomePage"]
    subpage_types = SECTION_PAGE_TYPES
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("information about the educational organisation")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sveden_nav"] = sveden_nav(request, self)
        return context


class SvedenSectionPage(FixedAddressMixin, SearchTextMixin, Page):
    """A subsection of «Сведения»: one per address of [MR9] table 3.1."""

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("additional information"),
        help_text=_("Other information of the subsection, shown after the required items."),
    )

    # ForeignKeys to documents, loaded together in one query for the template.
    document_fields: ClassVar[tuple[str, ...]] = ()

    parent_page_types = ["sveden.SvedenIndexPage"]
    subpage_types = ["sveden.SvedenExtraPage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def head_panels(cls) -> list:
        return [FieldPanel("title", read_only=True)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents_preload(self, self.document_fields)
        context["sveden_nav"] = sveden_nav(request, self)
        return context


class SvedenExtraPage(SearchTextMixin, Page):
    """A further page of a subsection that grew too long for one page ([MR9] §3.1)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = SECTION_PAGE_TYPES
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("extra page of a subsection")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sveden_nav"] = sveden_nav(request, self)
        return context


def documents_preload(page: Page, field_names: tuple[str, ...]) -> None:
    """Fill a page's document ForeignKeys with one query instead of one per field."""
    ids = {getattr(page, f"{name}_id") for name in field_names} - {None}
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    for name in field_names:
        setattr(page, name, documents.get(getattr(page, f"{name}_id")))


def sibling_section(request, page: Page, model: type[Page], *fields: str) -> Page | None:
    """Another live subsection of the same /sveden/, for items published in two places.

    Only the shared `fields` are loaded (documents joined): a subsection's StreamFields
    are large, and decoding them for one item cost more than rendering the page.
    """
    related = [name for name in fields if model._meta.get_field(name).is_relation]
    return remember(
        request,
        f"sibling:{page.path}:{model._meta.label}",
        lambda: (
            model.objects.sibling_of(page).live().select_related(*related).only(*fields).first()
        ),
    )


def sveden_nav(request, page: Page) -> dict:
    """The common navigation of the section on every one of its pages ([1493] §2).

    One query per content generation, by tree path from the current page: the index, its
    subsections and, on a subsection, the extra pages it links with addRef.
    """
    steplen = Page.steplen
    if isinstance(page, SvedenIndexPage):
        index_path, section_path = page.path, ""
    elif isinstance(page, SvedenExtraPage):
        index_path, section_path = page.path[: -2 * steplen], page.path[:-steplen]
    else:
        index_path, section_path = page.path[:-steplen], page.path
    index_depth = len(index_path) // steplen
    scope = Q(path__startswith=index_path, depth__in=(index_depth, index_depth + 1))
    if section_path == page.path:
        scope |= Q(path__startswith=page.path, depth=page.depth + 1)
    pages = remember(
        request,
        f"sveden-nav:{page.path}",
        lambda: list(Page.objects.filter(scope).live().public().order_by("path")),
    )
    return {
        "index": next((item for item in pages if item.depth == index_depth), None),
        "sections": [item for item in pages if item.depth == index_depth + 1],
        "extra_pages": [item for item in pages if item.depth == index_depth + 2],
        "current_path": section_path,
        # On an extra page its subsection is marked as the current location, not the page.
        "current_kind": "page" if section_path == page.path else "true",
    }


def document_field(verbose_name, help_text=""):
    return models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


def rows(stream) -> list:
    """The values of a StreamField's rows, or one empty row so the container is still tagged.

    [MR9] footnote 2: an absent item keeps its attributes (with «отсутствует»); a missing
    mandatory one keeps them empty, so the audit names it instead of not seeing it.
    """
    return [child.value for child in stream] or [None]
