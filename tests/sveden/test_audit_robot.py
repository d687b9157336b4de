"""The /sveden/ self-audit reads pages the way Rosobrnadzor's monitoring robot does ([MR9] §5).

No database and no project models: the robot is plain HTTP + HTML, so these tests run with
`-p no:django` too; gettext then gets minimal settings from the fixture below.
"""

import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import translation

from cms.sveden.audit import (
    MAX_EXTRA_PAGES,
    USER_AGENT,
    FetchError,
    Kind,
    audit_html,
    audit_site,
    format_report,
)
from cms.sveden.audit_spec import SECTIONS

SITE = Path(__file__).parent / "fixtures" / "site"
MAIN_URL = "https://school.test/sveden/common/"
FULL_NAME = (
    '<td itemprop="fullName">Муниципальное бюджетное общеобразовательное учреждение '
    "«Средняя общеобразовательная школа № 1»</td>"
)


@pytest.fixture(autouse=True, scope="module")
def _settings_for_gettext():
    # Under pytest-django the project settings are loaded already; without it, gettext
    # still needs *some* settings to read USE_I18N.
    if not settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ:
        settings.configure(USE_I18N=False)


def page(slug: str) -> str:
    return (SITE / f"{slug}.html").read_text(encoding="utf-8")


def mutate(html: str, old: str, new: str) -> str:
    assert old in html, f"fixture no longer contains {old!r}"
    return html.replace(old, new, 1)


def found(report) -> list[tuple[str, str, str]]:
    return [(problem.attr, problem.kind, problem.detail) for problem in report.problems]


class FakeWeb:
    """A fetch callable over a dict of pages that remembers what was asked."""

    def __init__(self, pages: dict[str, str]):
        self.pages = pages
        self.calls: list[str] = []

    def __call__(self, url: str) -> str:
        self.calls.append(url)
        if url not in self.pages:
            raise FetchError(url, "HTTP 404")
        return self.pages[url]


def addref(href: str) -> str:
    return f'<a itemprop="addRef" href="{href}">ещё</a>'


def split_founders(html: str) -> tuple[str, str]:
    """The common page with its founders table moved to an extra page."""
    start, end = html.index("<h2>Учредитель</h2>"), html.index("<h2>Места")
    main = html[:start] + addref("founders/") + html[end:]
    return main, f'<html><meta charset="utf-8"><body>{html[start:end]}</body></html>'


# --- the spec ---------------------------------------------------------------------------


def test_spec_has_the_fourteen_subsections_in_the_order_of_1493():
    assert list(SECTIONS) == [
        "common", "struct", "document", "education", "eduStandarts", "managers", "employees",
        "objects", "grants", "paid_edu", "budget", "vacant", "inter", "catering",
    ]  # fmt: skip
    assert SECTIONS["eduStandarts"].title_ru == "Образовательные стандарты и требования"


@pytest.mark.parametrize("slug", list(SECTIONS))
def test_every_container_is_a_main_tag_of_the_same_subsection(slug):
    names = {attr.name for attr in SECTIONS[slug].attrs if attr.container is None}
    containers = {attr.container for attr in SECTIONS[slug].attrs if attr.container}
    assert containers <= names


def test_repealed_and_university_only_items_are_not_required():
    names = {attr.name for section in SECTIONS.values() for attr in section.attrs}
    left_out = {
        "copy", "eduNir", "graduateJob", "eduPriemEl", "eduStandartDoc", "eduStandartTreb",
        "repInfo",
    }  # fmt: skip
    assert not names & left_out


def test_accreditation_is_required_in_education_and_optional_in_common():
    def accreditation(slug):
        return next(a for a in SECTIONS[slug].attrs if a.name == "accreditationDocLink")

    assert accreditation("education").link
    assert not accreditation("education").optional
    assert accreditation("common").optional


# --- one page -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", list(SECTIONS))
def test_a_complete_page_passes(slug):
    report = audit_html(slug, page(slug))
    assert found(report) == []
    assert report.ok


def test_founder_name_placed_after_its_container_is_outside():
    html = mutate(
        page("common"),
        '<td itemprop="nameUchred">Управление образования администрации г. Твери</td>',
        "",
    )
    html = mutate(
        html,
        "<h2>Места",
        '<p itemprop="nameUchred">Управление образования администрации г. Твери</p><h2>Места',
    )
    report = audit_html("common", html)
    assert found(report) == [("nameUchred", Kind.OUTSIDE, "uchredLaw")]
    assert "nameUchred" in report.problems[0].message


def test_every_founder_needs_each_of_its_children():
    second_founder = (
        '<tr itemprop="uchredLaw"><td itemprop="addressUchred">г. Тверь</td>'
        '<td itemprop="telUchred">нет</td><td itemprop="mailUchred">нет</td>'
        '<td itemprop="websiteUchred">нет</td></tr></table>'
    )
    html = mutate(page("common"), "</table>\n\n<h2>Места", second_founder + "<h2>Места")
    report = audit_html("common", html)
    assert found(report) == [("nameUchred", Kind.MISSING, "uchredLaw #2")]


def test_an_empty_full_name_is_reported_by_name():
    html = mutate(page("common"), FULL_NAME, '<td itemprop="fullName"> <span></span> </td>')
    report = audit_html("common", html)
    assert found(report) == [("fullName", Kind.EMPTY, "")]
    message = report.problems[0].message
    assert "fullName" in message
    assert message.startswith("Основные сведения: ")


def test_an_absent_word_fills_an_optional_item_but_not_a_mandatory_document():
    # The fixture's prescriptionDocLink* is «Предписаний нет» with no link, and passes.
    assert audit_html("document", page("document")).ok
    html = mutate(
        page("document"),
        '<li><a itemprop="ustavDocLink" href="/documents/ustav.pdf">Устав</a> (PDF, копия)</li>',
        '<li itemprop="ustavDocLink">отсутствует</li>',
    )
    report = audit_html("document", html)
    assert found(report) == [("ustavDocLink", Kind.EMPTY, "")]
    with translation.override("en"):
        assert report.problems[0].message == (
            "Документы: attribute ustavDocLink has no link to a document"
        )


def test_a_document_link_to_nowhere_is_no_link():
    html = mutate(page("document"), 'href="/documents/ustav.pdf"', 'href="#"')
    assert found(audit_html("document", html)) == [("ustavDocLink", Kind.EMPTY, "")]


@pytest.mark.parametrize(
    "hidden_value",
    [
        '<td itemprop="fullName" style="display: none">МБОУ СОШ № 1</td>',
        '<td itemprop="fullName" hidden>МБОУ СОШ № 1</td>',
        '<td><meta itemprop="fullName" content="МБОУ СОШ № 1"></td>',
        '<td itemprop="fullName"><span style="DISPLAY:NONE">МБОУ СОШ № 1</span></td>',
        '<td style="display:none"><span itemprop="fullName">МБОУ СОШ № 1</span></td>',
    ],
)
def test_a_value_the_visitor_cannot_see_counts_as_empty(hidden_value):
    html = mutate(page("common"), FULL_NAME, hidden_value)
    assert found(audit_html("common", html)) == [("fullName", Kind.EMPTY, "")]


def test_one_element_may_carry_several_names():
    html = mutate(page("common"), '<td itemprop="shortName">МБОУ СОШ № 1</td>', "<td></td>")
    html = mutate(html, 'itemprop="fullName"', 'itemprop="fullName  shortName"')
    assert audit_html("common", html).ok


# --- addRef pages -------------------------------------------------------------------------


def test_attributes_split_between_main_and_extra_page_pass():
    main, founders = split_founders(page("common"))
    web = FakeWeb({MAIN_URL + "founders/": founders})
    report = audit_html("common", main, fetch=web, base_url=MAIN_URL)
    assert found(report) == []
    assert report.extra_pages == [MAIN_URL + "founders/"]


def test_without_the_extra_page_the_founders_are_missing():
    main, _founders = split_founders(page("common"))
    missing = {attr for attr, kind, _detail in found(audit_html("common", main))}
    assert {"uchredLaw", "nameUchred"} <= missing


def test_an_addref_loop_ends_after_one_visit_of_each_page():
    main, founders = split_founders(page("common"))
    main = mutate(main, "<h2>Места", addref(MAIN_URL) + addref("#top") + "<h2>Места")
    founders = founders.replace("<body>", "<body>" + addref(MAIN_URL) + addref("../common/"))
    web = FakeWeb({MAIN_URL + "founders/": founders})
    report = audit_html("common", main, fetch=web, base_url=MAIN_URL)
    assert report.ok
    assert web.calls == [MAIN_URL + "founders/"]


def test_addref_to_another_host_is_not_followed():
    main, founders = split_founders(page("common"))
    main = main.replace('href="founders/"', 'href="https://elsewhere.test/founders/"')
    web = FakeWeb({"https://elsewhere.test/founders/": founders})
    report = audit_html("common", main, fetch=web, base_url=MAIN_URL)
    assert web.calls == []
    assert ("uchredLaw", Kind.MISSING, "") in found(report)


def test_no_more_than_ten_extra_pages_are_read():
    links = "".join(addref(f"part-{number}/") for number in range(MAX_EXTRA_PAGES + 2))
    main = mutate(page("common"), "<h2>Места", links + "<h2>Места")
    web = FakeWeb({MAIN_URL + f"part-{n}/": "<p>—</p>" for n in range(MAX_EXTRA_PAGES + 2)})
    audit_html("common", main, fetch=web, base_url=MAIN_URL)
    assert len(web.calls) == MAX_EXTRA_PAGES


def test_an_unreachable_extra_page_is_reported():
    main, _founders = split_founders(page("common"))
    report = audit_html("common", main, fetch=FakeWeb({}), base_url=MAIN_URL)
    assert report.problems[0].attr == "addRef"
    assert report.problems[0].kind == Kind.UNREACHABLE
    assert report.problems[0].detail == f"{MAIN_URL}founders/: HTTP 404"


# --- the whole site over HTTP -------------------------------------------------------------


@pytest.fixture
def no_proxy(monkeypatch):
    # requests would send 127.0.0.1 through a proxy configured in the environment.
    for variable in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(variable, "127.0.0.1")


@pytest.fixture
def sveden_server(no_proxy):
    """A real HTTP server on 127.0.0.1 serving the fixture pages at /sveden/<slug>/."""
    pages = {f"/sveden/{slug}/": page(slug) for slug in SECTIONS}
    user_agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            user_agents.append(self.headers.get("User-Agent", ""))
            if self.path not in pages:
                self.send_error(404)
                return
            body = pages[self.path].encode("utf-8")
            self.send_response(200)
            # No charset on purpose: Cyrillic must still be read right, via <meta charset>.
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(
        url=f"http://127.0.0.1:{server.server_port}", pages=pages, user_agents=user_agents
    )
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_complete_site_passes_over_http(sveden_server):
    report = audit_site(sveden_server.url)
    assert [section.slug for section in report.sections] == list(SECTIONS)
    assert report.problems == []
    assert report.ok
    assert set(sveden_server.user_agents) == {USER_AGENT}


def test_a_missing_subsection_page_is_unreachable(sveden_server):
    del sveden_server.pages["/sveden/inter/"]
    report = audit_site(sveden_server.url + "/")
    assert found(report) == [("", Kind.UNREACHABLE, "HTTP 404")]
    assert report.problems[0].section == "inter"
    assert not report.ok
    assert "Международное сотрудничество" in report.problems[0].message
    lines = format_report(report).splitlines()
    assert lines[0] == report.problems[0].message
    assert len(lines) == 2


def test_a_site_that_does_not_answer_is_unreachable_everywhere(no_proxy):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    report = audit_site(f"http://127.0.0.1:{port}")
    assert {problem.kind for problem in report.problems} == {Kind.UNREACHABLE}
    assert len(report.problems) == len(SECTIONS)


def test_the_summary_counts_subsections_and_problems():
    report = audit_html("common", mutate(page("common"), 'itemprop="regDate"', ""))
    with translation.override("en"):
        assert format_report(report).splitlines() == [
            "Основные сведения: attribute regDate is missing",
            "Subsections checked: 1, with problems: 1, problems: 1",
        ]
