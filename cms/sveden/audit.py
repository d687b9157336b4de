"""Self-audit of «Сведения об образовательной организации» as Rosobrnadzor's robot reads it.

The АИС «Мониторинг» robot ([MR9] §5) fetches each /sveden/<slug>/ page over HTTP, looks
only at `itemprop` microdata, follows `<a itemprop="addRef">` links to the extra pages of a
subsection and checks that every attribute is there, inside its main tag. This module does
the same against `audit_spec`, so a school sees the robot's verdict before the robot does.
No Django at import time beyond gettext, so the checks run in plain unit tests.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
from bs4 import BeautifulSoup, NavigableString, PageElement, Tag, UnicodeDammit
from django.utils.translation import gettext as _

from .audit_spec import ABSENT_WORDS, SECTIONS, Attr, Section

USER_AGENT = "EIOS-sveden-audit"
TIMEOUT_SECONDS = 10
# [MR9] §3.1 recommends at most ten extra pages per subsection.
MAX_EXTRA_PAGES = 10

# Elements a visitor never sees, whatever they contain: [1493] §27 wants the marked-up data
# visible, so a `<meta content>` value does not count.
_INVISIBLE_TAGS = frozenset({"meta", "link", "script", "style", "template"})
_HIDING_STYLES = ("display:none", "visibility:hidden")
_ABSENT_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(word) for word in ABSENT_WORDS) + r")(?!\w)",
    re.IGNORECASE,
)

# fetch(url) returns the page's HTML, or raises FetchError when the page cannot be read.
Fetch = Callable[[str], str]
TaggedIndex = dict[str, list[Tag]]


class FetchError(Exception):
    """A page could not be read; `reason` (e.g. "HTTP 404") goes into the report."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class Kind(StrEnum):
    MISSING = "missing"
    EMPTY = "empty"
    OUTSIDE = "outside"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Problem:
    section: str
    attr: str
    kind: Kind
    # Where exactly: "uchredLaw #2", the container name, or a URL with its HTTP status.
    detail: str = ""
    # An empty link attribute reads better as "no link" than as "empty": it may have text.
    link: bool = False

    @property
    def message(self) -> str:
        match self.kind:
            case Kind.MISSING:
                text = _("%(section)s: attribute %(attr)s is missing")
            case Kind.EMPTY if self.link:
                text = _("%(section)s: attribute %(attr)s has no link to a document")
            case Kind.EMPTY:
                text = _("%(section)s: attribute %(attr)s is empty")
            case Kind.OUTSIDE:
                text = _("%(section)s: attribute %(attr)s is outside its container")
            case Kind.UNREACHABLE:
                text = _("%(section)s: page is not reachable")
        text %= {"section": SECTIONS[self.section].title_ru, "attr": self.attr}
        return f"{text} ({self.detail})" if self.detail else text


@dataclass
class SectionReport:
    slug: str
    url: str | None = None
    problems: list[Problem] = field(default_factory=list)
    # Extra pages read through addRef, so an editor can see what the verdict is based on.
    extra_pages: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return SECTIONS[self.slug].title_ru

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class AuditReport:
    base_url: str
    sections: list[SectionReport]

    @property
    def ok(self) -> bool:
        return all(section.ok for section in self.sections)

    @property
    def problems(self) -> list[Problem]:
        return [problem for section in self.sections for problem in section.problems]


def fetch_page(url: str) -> str:
    """GET a page the way the robot does: anything but 200 means the page is not there."""
    try:
        response = requests.get(url, timeout=TIMEOUT_SECONDS, headers={"User-Agent": USER_AGENT})
    except requests.RequestException as exc:
        raise FetchError(url, type(exc).__name__) from exc
    if response.status_code != 200:
        raise FetchError(url, f"HTTP {response.status_code}")
    if "charset=" not in response.headers.get("Content-Type", "").lower():
        # Without a charset requests assumes ISO-8859-1 for text/html and garbles Cyrillic,
        # so «отсутствует» would go unrecognised; honour <meta charset> instead.
        return UnicodeDammit(response.content, is_html=True).unicode_markup or response.text
    return response.text


def audit_site(base_url: str, fetch: Fetch | None = None) -> AuditReport:
    fetch = fetch or fetch_page
    root = base_url.rstrip("/")
    sections = [_audit_url(slug, f"{root}/sveden/{slug}/", fetch) for slug in SECTIONS]
    return AuditReport(base_url, sections)


def _audit_url(slug: str, url: str, fetch: Fetch) -> SectionReport:
    try:
        html = fetch(url)
    except FetchError as exc:
        return SectionReport(slug, url, [Problem(slug, "", Kind.UNREACHABLE, exc.reason)])
    return audit_html(slug, html, fetch=fetch, base_url=url)


def audit_html(
    slug: str, html: str, fetch: Fetch | None = None, base_url: str | None = None
) -> SectionReport:
    """Check one subsection page, plus its addRef pages when `fetch` and `base_url` are given."""
    report = SectionReport(slug, base_url)
    indexes = [_tagged(BeautifulSoup(html, "html.parser"))]
    if fetch is not None and base_url is not None:
        for url in _extra_page_urls(indexes[0].get("addRef", []), base_url):
            try:
                indexes.append(_tagged(BeautifulSoup(fetch(url), "html.parser")))
            except FetchError as exc:
                report.problems.append(Problem(slug, "addRef", Kind.UNREACHABLE, str(exc)))
            else:
                report.extra_pages.append(url)
    report.problems.extend(_check_section(SECTIONS[slug], _merge(indexes)))
    return report


def format_report(report: AuditReport | SectionReport) -> str:
    sections = report.sections if isinstance(report, AuditReport) else [report]
    problems = [problem for section in sections for problem in section.problems]
    summary = _("Subsections checked: %(total)d, with problems: %(failed)d, problems: %(count)d")
    counts = {
        "total": len(sections),
        "failed": sum(not section.ok for section in sections),
        "count": len(problems),
    }
    return "\n".join([*(problem.message for problem in problems), summary % counts])


def _extra_page_urls(links: list[Tag], base_url: str) -> list[str]:
    """Same-host addRef targets of the main page, each once, at most MAX_EXTRA_PAGES.

    Only the main page's links are followed: [MR9] has the main page list its extra pages,
    so a chain main → 2 → 3 may not be walked by the robot and must not pass here either.
    The main page itself is never re-read, which is what stops a loop back to it.
    """
    host = urlsplit(base_url).netloc.lower()
    seen = {_page_key(base_url)}
    urls: list[str] = []
    for link in links:
        href = str(link.get("href", "")).strip()
        if link.name != "a" or not href:
            continue
        url = urldefrag(urljoin(base_url, href)).url
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or parts.netloc.lower() != host:
            continue
        if _page_key(url) not in seen:
            seen.add(_page_key(url))
            urls.append(url)
    return urls[:MAX_EXTRA_PAGES]


def _page_key(url: str) -> str:
    # /sveden/common and /sveden/common/ are one page to a reader, so one fetch.
    return url.rstrip("/")


def _tagged(root: Tag) -> TaggedIndex:
    """Every element under `root` by each of its itemprop names (one element may carry several)."""
    index: TaggedIndex = defaultdict(list)
    for element in root.find_all(itemprop=True):
        for name in str(element["itemprop"]).split():
            index[name].append(element)
    return index


def _merge(indexes: Iterable[TaggedIndex]) -> TaggedIndex:
    merged: TaggedIndex = defaultdict(list)
    for index in indexes:
        for name, elements in index.items():
            merged[name].extend(elements)
    return merged


def _check_section(section: Section, found: TaggedIndex) -> list[Problem]:
    containers = {attr.container for attr in section.attrs if attr.container}
    # One index per container instance: each founder, each teacher is checked on its own.
    instances = {name: [_tagged(box) for box in found.get(name, [])] for name in containers}
    problems: list[Problem] = []
    for attr in section.attrs:
        problems.extend(_check_attr(section.slug, attr, found, instances))
    return problems


def _check_attr(
    slug: str, attr: Attr, found: TaggedIndex, instances: dict[str, list[TaggedIndex]]
) -> list[Problem]:
    def problem(kind: Kind, detail: str = "") -> Problem:
        return Problem(slug, attr.name, kind, detail, link=attr.link)

    elements = found.get(attr.name, [])
    if not elements:
        return [problem(Kind.MISSING)]
    if attr.container is None:
        return [] if _any_filled(elements, attr) else [problem(Kind.EMPTY)]
    boxes = instances[attr.container]
    if not any(attr.name in box for box in boxes):
        return [problem(Kind.OUTSIDE, attr.container)]
    problems = []
    for number, box in enumerate(boxes, start=1):
        where = f"{attr.container} #{number}"
        if attr.name not in box:
            problems.append(problem(Kind.MISSING, where))
        elif not _any_filled(box[attr.name], attr):
            problems.append(problem(Kind.EMPTY, where))
    return problems


def _any_filled(elements: list[Tag], attr: Attr) -> bool:
    # A hidden duplicate (say, a mobile copy of a table) must not fail a shown value.
    return any(_is_filled(element, attr) for element in elements)


def _is_filled(element: Tag, attr: Attr) -> bool:
    if any(_hides(tag) for tag in (element, *element.parents)):
        return False
    shown = list(_shown_parts(element))
    text = " ".join("".join(part for part in shown if isinstance(part, str)).split())
    tags = [element, *(part for part in shown if isinstance(part, Tag))]
    has_link = any(tag.name == "a" and _is_real_href(tag.get("href")) for tag in tags)
    if attr.link:
        # A «при наличии» document the school does not have is a word, not a link.
        return has_link or (attr.optional and bool(_ABSENT_RE.search(text)))
    # Words are not policed here: «нет» is a real answer for fields like ovzCab.
    return bool(text) or has_link or any(tag.get("src") for tag in tags)


def _shown_parts(root: Tag) -> Iterator[PageElement]:
    """Visible descendant tags and text of `root`; a loop, not recursion, for deep pages."""
    stack = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if not _hides(node):
                yield node
                stack.extend(reversed(node.contents))
        # Subclasses of NavigableString are comments, doctypes and CDATA: never shown.
        elif type(node) is NavigableString:
            yield node


def _hides(tag: Tag) -> bool:
    if tag.name in _INVISIBLE_TAGS or tag.has_attr("hidden"):
        return True
    style = "".join(str(tag.get("style", "")).split()).lower()
    return any(rule in style for rule in _HIDING_STYLES)


def _is_real_href(href: object) -> bool:
    # "#" and javascript: are how unfinished templates fake a link; no document behind them.
    value = str(href or "").strip()
    return bool(value) and value != "#" and not value.lower().startswith("javascript:")
