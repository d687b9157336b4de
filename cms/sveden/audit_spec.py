"""What the self-audit robot expects on each page of «Сведения об образовательной организации».

The names are the `itemprop` attributes of Rosobrnadzor's methodical recommendations v9
([MR9]), which the АИС «Мониторинг» robot reads; the set is cut to what [1493] asks of a
general-education school. Items only universities, colleges or research bodies publish
(eduNir, graduateJob, eduPriemEl, eduStandartDoc, eduStandartTreb, repInfo) are left out;
`copy` is left out because [1353] item 7 repealed the low-vision-version item it marked.
"""

from dataclasses import dataclass, replace

# [MR9] footnote 2 and [CLAR] §IV.6: an item "при наличии" that the school does not have is
# still tagged, around one of these words (0 for counts).
ABSENT_WORDS = (
    "отсутствует",
    "отсутствуют",
    "нет",
    "не предусмотрено",
    "не предусмотрены",
    "не предусмотрена",
    "не предусмотрен",
    "предписаний нет",
    "0",
)


@dataclass(frozen=True)
class Attr:
    name: str
    # The main tag this attribute must sit inside, at any depth ([MR9] §3.1).
    container: str | None = None
    # "При наличии" (`*`, or Y* in the reference): still tagged, and a document item may then
    # hold a word of ABSENT_WORDS instead of a link. Text items need visible words either way.
    optional: bool = False
    # The value is a document or page, so the robot needs an <a href>, not just words.
    link: bool = False


@dataclass(frozen=True)
class Section:
    slug: str
    title_ru: str
    attrs: tuple[Attr, ...]


def _main_tag(main: Attr, *children: Attr) -> tuple[Attr, ...]:
    """A container followed by its children, each bound to it."""
    return (main, *(replace(child, container=main.name) for child in children))


def _doc(name: str, *, optional: bool = False) -> Attr:
    return Attr(name, optional=optional, link=True)


def _opt(name: str) -> Attr:
    return Attr(name, optional=True)


def _attrs(*names: str) -> tuple[Attr, ...]:
    return tuple(Attr(name) for name in names)


# Library, sport and catering objects share one set of child names ([MR9] 3.9.3, 3.15.2).
_OBJECT_CHILDREN = _attrs("objName", "objAddress", "objOvz")

# Table 3.9.4 ([MR9]) is published both in `objects` and `grants`.
_HOSTEL_ATTRS = tuple(
    _opt(name)
    for name in (
        "hostelInfo",
        "interInfo",
        "hostelNum",
        "interNum",
        "hostelNumOvz",
        "interNumOvz",
    )
)
# [MR9] 3.9.4 allows a link or text for the dormitory fee, so it is not a link item.
_HOSTEL_FEE = _opt("localActObSt")

_SECTION_LIST = (
    # [1493] §7; [MR9] 3.2.1–3.2.4.
    Section(
        "common",
        "Основные сведения",
        (
            Attr("fullName"),
            _opt("shortName"),
            Attr("regDate"),
            *_main_tag(
                Attr("uchredLaw"),
                Attr("nameUchred"),
                _opt("addressUchred"),
                _opt("telUchred"),
                _opt("mailUchred"),
                _opt("websiteUchred"),
            ),
            Attr("address"),
            Attr("workTime"),
            Attr("telephone"),
            Attr("email"),
            _doc("licenseDocLink"),
            # Moves to `education` on 01.03.2026 ([1353]); kept here for the transition.
            _doc("accreditationDocLink", optional=True),
            _opt("addressPlaceSet"),
            _opt("addressPlacePrac"),
            _opt("addressPlacePodg"),
            # Schools hold ГИА-9 and ГИА-11, so this one has no «отсутствует» escape.
            Attr("addressPlaceGia"),
            _opt("addressPlaceDop"),
            _opt("addressPlaceOppo"),
        ),
    ),
    # [1493] §8; [MR9] 3.3.1–3.3.4.
    Section(
        "struct",
        "Структура и органы управления образовательной организацией",
        (
            *_main_tag(
                Attr("structOrgUprav"),
                Attr("name"),
                Attr("fio"),
                Attr("post"),
                Attr("addressStr"),
                _opt("site"),
                _opt("email"),
                # A director or a council has no «положение», hence `*` in [MR9].
                _doc("divisionClauseDocLink", optional=True),
            ),
            *_main_tag(
                _opt("filInfo"),
                _opt("nameFil"),
                _opt("fioFil"),
                _opt("postFil"),
                _opt("addressFil"),
                _opt("emailFil"),
                _opt("websiteFil"),
                _doc("divisionClauseDocLink", optional=True),
            ),
        ),
    ),
    # [1493] §9; [MR9] 3.4.1.
    Section(
        "document",
        "Документы",
        (
            _doc("ustavDocLink"),
            _doc("localActStud"),
            _doc("localActOrder"),
            _doc("localActCollec", optional=True),
            _doc("reportEduDocLink"),
            _doc("prescriptionDocLink", optional=True),
            _doc("priemDocLink"),
            _doc("modeDocLink"),
            _doc("tekKontrolDocLink"),
            _doc("perevodDocLink"),
            _doc("vozDocLink"),
        ),
    ),
    # [1493] §10 as amended by [1353]; [MR9] 3.5.1–3.5.8.
    Section(
        "education",
        "Образование",
        (
            # eduCode is not asked here: the reference marks it N for schools in this table.
            *_main_tag(
                Attr("eduAccred"),
                Attr("eduName"),
                Attr("eduProf"),
                Attr("eduLevel"),
                Attr("eduForm"),
                Attr("learningTerm"),
                Attr("eduPred"),
                _opt("eduPrac"),
            ),
            _doc("languageEl"),
            _doc("eduChislenEl"),
            _doc("eduPerevodEl"),
            *_main_tag(
                Attr("eduOp"),
                _opt("eduCode"),
                Attr("eduName"),
                Attr("eduLevel"),
                Attr("eduProf"),
                Attr("eduForm"),
                _doc("opMain"),
                _doc("educationPlan"),
                _doc("educationRpd"),
                _doc("educationShedule"),
                _doc("eduPr", optional=True),
                _doc("methodology"),
            ),
            # [1353] §10.1«д», in force 01.03.2026.
            _doc("accreditationDocLink"),
        ),
    ),
    # [1493] §20; [MR9] 3.6.1.
    Section(
        "eduStandarts",
        "Образовательные стандарты и требования",
        (
            _doc("eduFedDoc"),
            _doc("eduFedTreb", optional=True),
        ),
    ),
    # [1493] §11; [MR9] 3.7.1–3.7.3.
    Section(
        "managers",
        "Руководство",
        (
            *_main_tag(
                Attr("rucovodstvo"), Attr("fio"), Attr("post"), Attr("telephone"), Attr("email")
            ),
            *_main_tag(
                Attr("rucovodstvoZam"), Attr("fio"), Attr("post"), Attr("telephone"), Attr("email")
            ),
            *_main_tag(
                _opt("rucovodstvoFil"),
                _opt("nameFil"),
                _opt("fio"),
                _opt("post"),
                _opt("telephone"),
                _opt("email"),
            ),
        ),
    ),
    # [1493] §12 as amended; [MR9] 3.8.1–3.8.2.
    Section(
        "employees",
        "Педагогический состав",
        _main_tag(
            Attr("teachingStaff"),
            Attr("fio"),
            Attr("post"),
            Attr("teachingDiscipline"),
            Attr("teachingLevel"),
            _opt("degree"),
            _opt("academStat"),
            _opt("qualification"),
            _opt("profDevelopment"),
            Attr("specExperience"),
            Attr("teachingOp"),
        ),
    ),
    # [1493] §13; [MR9] 3.9.1–3.9.4.
    Section(
        "objects",
        "Материально-техническое обеспечение и оснащённость образовательного процесса. "
        "Доступная среда",
        (
            *_main_tag(
                Attr("purposeCab"),
                *_attrs("addressCab", "nameCab", "osnCab", "ovzCab"),
            ),
            *_main_tag(
                Attr("purposePrac"),
                *_attrs("addressPrac", "namePrac", "osnPrac", "ovzPrac"),
            ),
            *_main_tag(Attr("purposeLibr"), *_OBJECT_CHILDREN),
            *_main_tag(Attr("purposeSport"), *_OBJECT_CHILDREN),
            Attr("ovz"),
            Attr("purposeFacil"),
            Attr("purposeFacilOvz"),
            Attr("comNet"),
            Attr("comNetOvz"),
            _doc("erList"),
            _doc("erListOvz", optional=True),
            _opt("techOvz"),
            *_HOSTEL_ATTRS,
            _opt("hostelInterOvz"),
            _HOSTEL_FEE,
        ),
    ),
    # [1493] §17; [MR9] 3.10.1.
    Section(
        "grants",
        "Стипендии и меры поддержки обучающихся",
        (
            _opt("grant"),
            _opt("support"),
            *_HOSTEL_ATTRS,
            _HOSTEL_FEE,
        ),
    ),
    # [1493] §14; [MR9] 3.11.1: a school without paid services writes «Отсутствует» in each.
    Section(
        "paid_edu",
        "Платные образовательные услуги",
        (
            _doc("paidEdu", optional=True),
            _doc("paidDog", optional=True),
            _doc("paidSt", optional=True),
            _opt("paidParents"),
        ),
    ),
    # [1493] §15; [MR9] 3.12.1–3.12.3. Volumes are 0, not «нет», when there is no money.
    Section(
        "budget",
        "Финансово-хозяйственная деятельность",
        (
            Attr("finBFVolume"),
            Attr("finBRVolume"),
            Attr("finBMVolume"),
            Attr("finPVolume"),
            *_main_tag(Attr("volume"), Attr("finYear"), Attr("finPost"), Attr("finRas")),
            _doc("finPlanDocLink"),
        ),
    ),
    # [1493] §16; [MR9] 3.13.1–3.13.2. eduCode is N for schools in this table.
    Section(
        "vacant",
        "Вакантные места для приёма (перевода) обучающихся",
        _main_tag(
            _opt("vacant"),
            _opt("eduName"),
            _opt("eduLevel"),
            Attr("eduProf"),
            _opt("eduCourse"),
            _opt("eduForm"),
            _opt("numberBFVacant"),
            _opt("numberBRVacant"),
            _opt("numberBMVacant"),
            _opt("numberPVacant"),
        ),
    ),
    # [1493] §18; [MR9] 3.14.1–3.14.2: with no agreements, one row of «отсутствует».
    Section(
        "inter",
        "Международное сотрудничество",
        _main_tag(
            _opt("internationalDog"),
            _opt("stateName"),
            _opt("orgName"),
            _opt("dogReg"),
        ),
    ),
    # [1493] §19; [MR9] 3.15.1–3.15.2. The НОО menu and supplier lists have no itemprop.
    Section(
        "catering",
        "Организация питания в образовательной организации",
        (
            *_main_tag(Attr("meals"), *_OBJECT_CHILDREN),
            Attr("health"),
        ),
    ),
)

SECTIONS: dict[str, Section] = {section.slug: section for section in _SECTION_LIST}
