"""Rows that editors add to the subsections of «Сведения об образовательной организации».

Each block is one "main tag" row of [MR9]: the editor fills its fields, the subsection
template wraps them in the container and child `itemprop` attributes, so no row can lose
or misplace an attribute. Identifying fields are required; the rest may stay blank and the
page then shows an empty attribute (mandatory items) or «отсутствует» (при наличии), which
is what the self-audit reports on.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# Levels of general education a school implements (273-ФЗ ст. 10 ч. 4): the level and the
# name of its basic programme, as they are written in [MR9] tables 3.5.2, 3.8.2, 3.13.2.
LEVELS = {
    "noo": (
        _("Primary general education"),
        _("Basic educational programme of primary general education"),
    ),
    "ooo": (
        _("Basic general education"),
        _("Basic educational programme of basic general education"),
    ),
    "soo": (
        _("Secondary general education"),
        _("Basic educational programme of secondary general education"),
    ),
}
LEVEL_CHOICES = [(code, level) for code, (level, _programme) in LEVELS.items()]

# Forms of study (273-ФЗ ст. 17 ч. 2).
FORM_CHOICES = [
    ("full_time", _("Full-time")),
    ("part_time", _("Part-time")),
    ("extramural", _("Extramural")),
]
_FORMS = dict(FORM_CHOICES)


def level_label(code: str) -> str:
    return str(LEVELS[code][0]) if code in LEVELS else ""


def programme_name(code: str) -> str:
    return str(LEVELS[code][1]) if code in LEVELS else ""


def form_label(code: str) -> str:
    return str(_FORMS.get(code, ""))


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"
        label = _("link")


class FounderBlock(blocks.StructBlock):
    """[MR9] 3.2.3: one row per founder."""

    name = blocks.CharBlock(label=_("name"))
    address = blocks.CharBlock(label=_("legal address"), required=False)
    telephone = blocks.CharBlock(label=_("telephones"), required=False)
    email = blocks.CharBlock(label=_("e-mail addresses"), required=False)
    website = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "group"
        label = _("founder")


class StructUnitBlock(blocks.StructBlock):
    """[MR9] 3.3.2: a structural unit or governing body."""

    name = blocks.CharBlock(label=_("name"))
    head_name = blocks.CharBlock(label=_("head's full name"), required=False)
    head_post = blocks.CharBlock(label=_("head's position"), required=False)
    address = blocks.CharBlock(label=_("location"), required=False)
    website = blocks.URLBlock(label=_("website"), required=False)
    email = blocks.CharBlock(label=_("e-mail"), required=False)
    regulation = DocumentChooserBlock(
        label=_("regulation"),
        required=False,
        help_text=_("An electronic document signed with an electronic signature ([1493] §8)."),
    )

    class Meta:
        icon = "group"
        label = _("unit or governing body")


class FilialBlock(blocks.StructBlock):
    """[MR9] 3.3.3: a branch."""

    name = blocks.CharBlock(label=_("name"))
    head_name = blocks.CharBlock(label=_("head's full name"), required=False)
    head_post = blocks.CharBlock(label=_("head's position"), required=False)
    address = blocks.CharBlock(label=_("location"), required=False)
    email = blocks.CharBlock(label=_("e-mail"), required=False)
    website = blocks.URLBlock(label=_("website"), required=False)
    regulation = DocumentChooserBlock(label=_("regulation"), required=False)

    class Meta:
        icon = "site"
        label = _("branch")


class ManagerBlock(blocks.StructBlock):
    """[MR9] 3.7.2: a deputy head."""

    name = blocks.CharBlock(label=_("full name"))
    post = blocks.CharBlock(label=_("position"), required=False)
    telephone = blocks.CharBlock(label=_("telephones"), required=False)
    email = blocks.CharBlock(label=_("e-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("deputy head")


class FilialHeadBlock(ManagerBlock):
    """[MR9] 3.7.3: the head of a branch."""

    filial = blocks.CharBlock(label=_("branch"))

    class Meta:
        icon = "user"
        label = _("head of a branch")


class TeacherValue(blocks.StructValue):
    def programme_names(self) -> str:
        return "; ".join(programme_name(code) for code in self.get("programmes") or ())


class TeacherBlock(blocks.StructBlock):
    """[MR9] 3.8.2: a teacher working this school year ([CLAR] Q4)."""

    name = blocks.CharBlock(label=_("full name"))
    post = blocks.CharBlock(label=_("positions"), required=False)
    disciplines = blocks.TextBlock(label=_("subjects and courses taught"), required=False)
    education = blocks.TextBlock(
        label=_("professional education"),
        required=False,
        help_text=_("Level, field of study and qualification."),
    )
    degree = blocks.CharBlock(label=_("academic degree"), required=False)
    academic_title = blocks.CharBlock(label=_("academic title"), required=False)
    qualification = blocks.TextBlock(
        label=_("in-service training"), required=False, help_text=_("In the last three years.")
    )
    retraining = blocks.TextBlock(label=_("professional retraining"), required=False)
    experience = blocks.IntegerBlock(
        label=_("years of experience in the field"),
        required=False,
        min_value=0,
        help_text=_("For a teacher: years of teaching the subject ([CLAR] Q3)."),
    )
    programmes = blocks.MultipleChoiceBlock(
        label=_("educational programmes taught in"),
        choices=LEVEL_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        icon = "user"
        label = _("teacher")
        value_class = TeacherValue


class WorkProgrammeBlock(blocks.StructBlock):
    """One work programme per subject; it names the platforms it uses (SPEC §1, regulation §6.1)."""

    subject = blocks.CharBlock(label=_("subject or course"))
    document = DocumentChooserBlock(label=_("work programme"))
    platforms = blocks.ListBlock(
        SnippetChooserBlock("cms.Platform"),
        default=[],
        label=_("platforms used"),
        help_text=_("Electronic platforms of the school that the programme uses."),
    )

    class Meta:
        icon = "doc-full"
        label = _("work programme")


class ProgrammeValue(blocks.StructValue):
    def level_label(self) -> str:
        return level_label(self.get("level"))

    def form_label(self) -> str:
        return form_label(self.get("form"))

    def subjects(self) -> str:
        return ", ".join(item["subject"] for item in self.get("work_programmes") or ())


class ProgrammeBlock(blocks.StructBlock):
    """An implemented programme: its row of eduAccred and its row of eduOp ([MR9] 3.5.2, 3.5.6).

    The subjects of eduAccred are those of its work programmes, so they are entered once.
    """

    level = blocks.ChoiceBlock(label=_("level of education"), choices=LEVEL_CHOICES)
    name = blocks.CharBlock(
        label=_("name"),
        help_text=_("E.g. basic educational programme of basic general education."),
    )
    profile = blocks.CharBlock(
        label=_("programme, orientation, profile"),
        required=False,
        help_text=_("E.g. general education, or the profile of the upper grades."),
    )
    form = blocks.ChoiceBlock(label=_("form of study"), choices=FORM_CHOICES, default="full_time")
    term = blocks.CharBlock(label=_("normative term"), required=False, help_text=_("E.g. 4 years."))
    practices = blocks.CharBlock(
        label=_("practices"), required=False, help_text=_("Leave blank if there are none.")
    )
    main_document = DocumentChooserBlock(label=_("the programme"), required=False)
    # Lists start empty (Wagtail's default is one blank item), so an optional list such as
    # practice programmes needs no deleting before the programme can be saved.
    plans = blocks.ListBlock(DocumentChooserBlock(), default=[], label=_("curricula"))
    schedules = blocks.ListBlock(DocumentChooserBlock(), default=[], label=_("calendar schedules"))
    work_programmes = blocks.ListBlock(WorkProgrammeBlock(), default=[], label=_("work programmes"))
    practice_programmes = blocks.ListBlock(
        DocumentChooserBlock(), default=[], label=_("work programmes of practices")
    )
    methodology = blocks.ListBlock(
        DocumentChooserBlock(),
        default=[],
        label=_("methodological documents"),
        help_text=_("Work programme of upbringing, calendar plan of educational work and others."),
    )

    class Meta:
        icon = "form"
        label = _("educational programme")
        value_class = ProgrammeValue


class EquippedRoomBlock(blocks.StructBlock):
    """[MR9] 3.9.1–3.9.2: a classroom or an object for practical classes."""

    name = blocks.CharBlock(label=_("name"))
    address = blocks.CharBlock(label=_("address"), required=False)
    equipment = blocks.TextBlock(label=_("equipment"), required=False)
    adapted = blocks.CharBlock(
        label=_("adapted for people with disabilities"),
        required=False,
        help_text=_("Whether and how the room is adapted."),
    )

    class Meta:
        icon = "home"
        label = _("room")


class FacilityBlock(blocks.StructBlock):
    """[MR9] 3.9.3, 3.15.2: a library, a sport or a catering object."""

    name = blocks.CharBlock(label=_("name"))
    address = blocks.CharBlock(label=_("address"), required=False)
    adapted = blocks.CharBlock(label=_("adapted for people with disabilities"), required=False)

    class Meta:
        icon = "home"
        label = _("object")


class FinancialYearBlock(blocks.StructBlock):
    """[MR9] 3.12.2: receipts and spending of one financial year."""

    year = blocks.IntegerBlock(label=_("year"), min_value=1990, max_value=2100)
    receipts = blocks.DecimalBlock(label=_("receipts, thousand roubles"), required=False)
    spending = blocks.DecimalBlock(label=_("spending, thousand roubles"), required=False)

    class Meta:
        icon = "table"
        label = _("financial year")


class VacantValue(blocks.StructValue):
    def level_label(self) -> str:
        return level_label(self.get("level"))

    def programme_name(self) -> str:
        return programme_name(self.get("level"))

    def form_label(self) -> str:
        return form_label(self.get("form"))


class VacantBlock(blocks.StructBlock):
    """[MR9] 3.13.2: vacant places of one programme, grade and form."""

    level = blocks.ChoiceBlock(label=_("level of education"), choices=LEVEL_CHOICES)
    profile = blocks.CharBlock(
        label=_("programme, orientation, profile"),
        required=False,
        help_text=_("E.g. general education."),
    )
    grade = blocks.IntegerBlock(label=_("grade"), min_value=1, max_value=11)
    form = blocks.ChoiceBlock(label=_("form of study"), choices=FORM_CHOICES, default="full_time")
    federal = blocks.IntegerBlock(label=_("federal budget"), min_value=0, default=0)
    regional = blocks.IntegerBlock(label=_("regional budget"), min_value=0, default=0)
    local = blocks.IntegerBlock(label=_("local budget"), min_value=0, default=0)
    paid = blocks.IntegerBlock(label=_("paid contracts"), min_value=0, default=0)

    class Meta:
        icon = "group"
        label = _("vacant places")
        value_class = VacantValue


class AgreementBlock(blocks.StructBlock):
    """[MR9] 3.14.2: an agreement with a foreign or international organisation."""

    state = blocks.CharBlock(label=_("state"))
    organisation = blocks.CharBlock(label=_("organisation"))
    details = blocks.CharBlock(
        label=_("agreement details"), required=False, help_text=_("Name, date, number, term.")
    )

    class Meta:
        icon = "globe"
        label = _("agreement")
