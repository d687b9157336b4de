"""A brand-new school already answers at every /sveden/ address ([1493] §6), and nothing vanishes.

With no data entered, «при наличии» items read «отсутствует», «не предусмотрено» or 0 inside
their attribute ([MR9] footnote 2, [CLAR] §IV.6); mandatory items stay tagged and empty, so
the self-audit names them.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from cms.sveden.audit import Kind, audit_html
from cms.sveden.audit_spec import SECTIONS
from cms.sveden.models import SvedenExtraPage, SvedenIndexPage, SvedenObjectsPage, section_models

from .helpers import html_of, tagged, text_of

pytestmark = pytest.mark.django_db

SLUGS = list(SECTIONS)


def test_a_new_school_has_every_subsection_live_at_its_address(home):
    index = SvedenIndexPage.objects.child_of(home).get()
    children = index.get_children().specific()
    assert [(page.slug, page.title) for page in children] == [
        (slug, section.title_ru) for slug, section in SECTIONS.items()
    ]
    assert all(page.live for page in children)
    assert [type(page) for page in children] == section_models()


@pytest.mark.parametrize("slug", SLUGS)
def test_an_empty_subsection_names_only_its_mandatory_items(client, home, slug):
    """Nothing vanishes: optional items read «отсутствует» or 0, mandatory ones stay empty."""
    report = audit_html(slug, html_of(client, slug))
    attrs = SECTIONS[slug].attrs
    # Some names (fio, post …) are mandatory in one container and «при наличии» in another.
    optional = {a.name for a in attrs if a.optional} - {a.name for a in attrs if not a.optional}
    assert {problem.kind for problem in report.problems} <= {Kind.EMPTY}
    assert not {problem.attr for problem in report.problems} & optional


@pytest.mark.parametrize(
    ("slug", "itemprop", "word"),
    [
        ("common", "accreditationDocLink", "отсутствует"),
        ("common", "addressPlaceSet", "отсутствует"),
        ("common", "addressUchred", "отсутствует"),
        ("struct", "nameFil", "отсутствует"),
        ("struct", "divisionClauseDocLink", "отсутствует"),
        ("document", "localActCollec", "отсутствует"),
        ("document", "prescriptionDocLink", "предписаний нет"),
        ("education", "eduPrac", "не предусмотрены"),
        ("education", "eduCode", "не предусмотрено"),
        ("eduStandarts", "eduFedTreb", "не предусмотрено"),
        ("managers", "nameFil", "отсутствует"),
        ("employees", "degree", "отсутствует"),
        ("objects", "erListOvz", "отсутствует"),
        ("objects", "techOvz", "отсутствует"),
        ("objects", "hostelInfo", "0"),
        ("objects", "interNumOvz", "0"),
        ("objects", "localActObSt", "отсутствует"),
        ("grants", "grant", "не предусмотрено"),
        ("grants", "hostelNum", "0"),
        ("paid_edu", "paidEdu", "отсутствует"),
        ("paid_edu", "paidParents", "отсутствует"),
        ("vacant", "numberBFVacant", "0"),
        ("vacant", "eduName", "отсутствует"),
        ("inter", "stateName", "отсутствует"),
        ("inter", "dogReg", "отсутствует"),
    ],
)
def test_absent_items_read_absent_inside_their_attribute(client, home, slug, itemprop, word):
    elements = tagged(html_of(client, slug), itemprop)
    assert elements
    assert all(text_of(element) == word for element in elements)


@pytest.mark.parametrize(
    ("slug", "itemprop"),
    [
        ("common", "licenseDocLink"),
        ("common", "addressPlaceGia"),
        ("education", "accreditationDocLink"),
        ("employees", "fio"),
        ("budget", "finBFVolume"),
        ("catering", "health"),
    ],
)
def test_missing_mandatory_items_stay_empty(client, home, slug, itemprop):
    assert [text_of(element) for element in tagged(html_of(client, slug), itemprop)] == [""]


def test_dormitories_entered_in_objects_show_in_grants(client, home):
    objects = SvedenObjectsPage.objects.get()
    objects.hostels, objects.hostel_places = 1, 40
    objects.save_revision().publish()
    html = html_of(client, "grants")
    assert [text_of(e) for e in tagged(html, "hostelInfo") + tagged(html, "hostelNum")] == [
        "1",
        "40",
    ]


def test_every_subsection_page_carries_the_common_navigation(client, home):
    for slug in SLUGS:
        nav = BeautifulSoup(html_of(client, slug), "html.parser").find("nav", class_="sveden-nav")
        links = nav.select("ol a")
        assert [link["href"] for link in links] == [f"/sveden/{s}/" for s in SLUGS]
        assert [link["href"] for link in nav.select('[aria-current="page"]')] == [
            f"/sveden/{slug}/"
        ]


def test_extra_page_is_linked_with_addref_and_read_by_the_audit(client, home):
    struct = Page.objects.get(slug="struct").specific
    extra = struct.add_child(
        instance=SvedenExtraPage(
            title="Органы управления: подробнее",
            slug="more",
            body=[{"type": "paragraph", "value": "<p>Состав управляющего совета.</p>"}],
        )
    )
    html = html_of(client, "struct")
    assert [link["href"] for link in tagged(html, "addRef")] == [extra.url]

    extra_html = client.get(extra.url).content.decode()
    nav = BeautifulSoup(extra_html, "html.parser").find("nav", class_="sveden-nav")
    assert nav.find("a", attrs={"aria-current": "true"})["href"] == "/sveden/struct/"

    fetched = []
    report = audit_html(
        "struct",
        html,
        fetch=lambda url: fetched.append(url) or extra_html,
        base_url="http://testserver/sveden/struct/",
    )
    assert fetched == ["http://testserver/sveden/struct/more/"]
    assert report.extra_pages == fetched


def test_legacy_addresses_redirect_permanently(client, home):
    for old, new in (("ovz", "objects"), ("edustandarts", "eduStandarts")):
        response = client.get(f"/sveden/{old}/")
        assert response.status_code == 301
        assert response["Location"] == f"/sveden/{new}/"
        assert client.get(response["Location"]).status_code == 200
