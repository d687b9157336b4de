"""No input answers with a server error (issue 10, item 10).

Every address of the site outside the two admins is found from the URL patterns (and,
for the pages, from the page tree: one page of every type): the public pages with
/sveden/, search, documents and images, the cabinet and the class pages, allauth's
account screens, the language switch. Each is asked, as an anonymous visitor, a pupil
and a member of staff, with hostile values in its path, in the query parameters it
reads and in every field of every form the site shows that posts to it. Every answer
must be below 500. Each request is rolled back, so a logout or a block on the way does
not cut the rest short.
"""

import contextlib
import copy
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLResolver, get_resolver, resolve, reverse
from django.utils.http import int_to_base36
from wagtail.models import Page, PageViewRestriction

from accounts.models import SchoolClass, User
from cms.food.models import MenuFile
from cms.models import SchoolDocument, SchoolImage
from eios.jobs import Job
from library.models import Edition, ExternalCredential
from portfolio.models import (
    Achievement,
    Evidence,
    ImportBatch,
    PortfolioExport,
    Review,
    ShareLink,
    Work,
    WorkSnapshot,
)

pytestmark = pytest.mark.django_db

NOT_FUZZED = ("admin/", "django-admin/")  # staff tools, with screens of their own tests
HOSTILE = [
    '"',
    'a"b',
    "\x00",
    "%",
    "../../etc/passwd",
    "<script>alert('Ёлкин ☃ 𝔘')</script>",  # also a single quote and letters past Latin
    "",
    "-1",
    "99999999999999999999",
    "ы" * 5000,
    ["1", "2"],  # a field sent twice
]
HOSTILE_IDS = [0, 2**63, 10**20]
HOSTILE_NAMES = ['a"b', "'", "..", "\x00", "<script>", "ы" * 300, "no-such-page"]
# The cookies a visitor sends back, as they may be forged.
HOSTILE_COOKIES = {"sessionid": "\x00" + "a" * 31, "django_language": 'a"b'}
# Query parameters our views and allauth's read; plus the names of the forms' fields.
QUERY_PARAMETERS = {"q", "page", "next"}
ROLES = ["anonymous", "pupil", "staff"]
ROLE_LOGINS = {"pupil": "student", "staff": "teacher"}  # the demo's 5А pupil and teacher


def _walk(patterns, namespace=None, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from _walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        else:
            name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else None
            yield prefix + str(pattern.pattern), name


def routes() -> list[tuple[str, str | None]]:
    """(route, URL name) of every address outside the admins."""
    found = [(r, n) for r, n in _walk(get_resolver().url_patterns) if not r.startswith(NOT_FUZZED)]
    assert all(name or "<" not in route for route, name in found), "name the route to fuzz it"
    return found


GROUP = re.compile(r"<(?:(\w+):)?(\w+)>|\((?:\?P<(\w+)>)?([^()]*(?:\([^()]*\)[^()]*)*)\)")


def parameters(route: str) -> list[tuple[str | None, bool]]:
    """(name or None for a positional group, whether it is a number) of each parameter."""
    found = []
    for converter, name, group_name, body in GROUP.findall(route):
        if name:
            found.append((name, converter == "int"))
        else:
            found.append((group_name or None, body in {r"\d+", "[0-9]+"}))
    return found


def _live_pages_one_per_type():
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        pages.setdefault(type(page), page)
    return list(pages.values())


# Real arguments of each address with parameters; a new one fails until it is added.
REAL_ARGUMENTS = {
    "block_pupil": lambda: [[u.pk] for u in User.objects.filter(username="student")],
    "class_detail": lambda: [[c.pk] for c in SchoolClass.objects.filter(name__in=["5А", "6А"])],
    "credential_slips": lambda: REAL_ARGUMENTS["class_detail"](),
    "class_list_upload": lambda: REAL_ARGUMENTS["class_detail"](),
    "wagtaildocs_serve": lambda: [[d.pk, d.filename] for d in SchoolDocument.objects.all()[:2]],
    "document_serve": lambda: REAL_ARGUMENTS["wagtaildocs_serve"](),
    "wagtaildocs_authenticate_with_password": lambda: [],
    "document_detail": lambda: [[d.pk] for d in SchoolDocument.objects.all()[:2]],
    "image_file": lambda: [[i.pk, "a.png"] for i in SchoolImage.objects.all()[:1]],
    "language_switch": lambda: [["ru"], ["en"]],
    "job_status": lambda: [
        [
            Job.objects.get_or_create(owner=User.objects.get(username="student"), title="Экспорт")[
                0
            ].pk
        ]
    ],
    "account_confirm_email": lambda: [["MQ:1vZ:abc"]],
    "account_reset_password_from_key": lambda: [
        [int_to_base36(u.pk), "set-password"] for u in User.objects.filter(username="student")
    ],
    "wagtailcore_authenticate_with_password": lambda: [
        [r.pk, r.page_id] for r in PageViewRestriction.objects.all()[:1]
    ],
    "wagtail_serve": lambda: [[page.url.lstrip("/")] for page in _live_pages_one_per_type()],
    "food_file": lambda: [[menu.name] for menu in MenuFile.objects.all()[:2]],
    **dict.fromkeys(
        [
            "portfolio:pupil",
            "portfolio:showcase",
            "portfolio:achievement_add",
            "portfolio:work_add",
            "portfolio:share_create",
        ],
        lambda: REAL_ARGUMENTS["block_pupil"](),
    ),
    **dict.fromkeys(
        [
            "portfolio:achievement",
            "portfolio:achievement_edit",
            "portfolio:achievement_submit",
            "portfolio:achievement_confirm",
            "portfolio:achievement_return",
            "portfolio:achievement_correct",
        ],
        lambda: [
            [a.pk] for a in Achievement.objects.filter(portfolio__pupil__username="student")[:2]
        ],
    ),
    **dict.fromkeys(
        ["portfolio:work", "portfolio:work_edit", "portfolio:work_send", "portfolio:work_file"],
        lambda: [[w.pk] for w in Work.objects.filter(portfolio__pupil__username="student")[:1]],
    ),
    "portfolio:evidence": lambda: [[e.pk] for e in Evidence.objects.all()[:1]],
    "portfolio:snapshot_file": lambda: [[s.pk] for s in WorkSnapshot.objects.all()[:1]],
    "portfolio:review_edit": lambda: [[r.pk] for r in Review.objects.all()[:1]],
    "portfolio:share_revoke": lambda: [[link.pk] for link in ShareLink.objects.all()[:1]],
    "portfolio:shared": lambda: [[link.token] for link in ShareLink.objects.all()[:1]],
    "portfolio:class_overview": lambda: REAL_ARGUMENTS["class_detail"](),
    "portfolio:export_start": lambda: [
        [u.pk, "zip"] for u in User.objects.filter(username="student")
    ],
    "portfolio:export": lambda: [[e.pk] for e in PortfolioExport.objects.all()[:1]],
    "portfolio:import_batch": lambda: [[b.pk] for b in ImportBatch.objects.all()[:1]],
    "portfolio:import_undo": lambda: REAL_ARGUMENTS["portfolio:import_batch"](),
    "library:edition": lambda: [[pk] for pk in Edition.objects.values_list("pk", flat=True)[:2]],
    "library:edition_file": lambda: REAL_ARGUMENTS["library:edition"](),
    "library:credential_show": lambda: [
        [pk] for pk in ExternalCredential.objects.values_list("pk", flat=True)[:2]
    ],
}


def addresses(route: str, name: str | None) -> tuple[list[str], list[str]]:
    """The address with real arguments, and with a hostile value in each parameter."""
    params = parameters(route)
    if not params:
        return [reverse(name) if name else "/" + route], []
    assert name in REAL_ARGUMENTS, f"{name}: add its real arguments to REAL_ARGUMENTS"
    real_args = REAL_ARGUMENTS[name]()
    real = [reverse(name, args=args) for args in real_args]
    base = real_args[0] if real_args else [1 if number else "x" for _n, number in params]
    hostile = []
    for index, (_param, number) in enumerate(params):
        for value in HOSTILE_IDS if number else HOSTILE_NAMES:
            # The pattern itself may refuse the value: then no address has it.
            with contextlib.suppress(NoReverseMatch):
                hostile.append(reverse(name, args=[*base[:index], value, *base[index + 1 :]]))
    return real, hostile


@dataclass(frozen=True)
class Form:
    method: str
    action: str
    fields: tuple[tuple[str, str], ...]  # (name, input type)

    def filled_with(self, value) -> dict:
        data = {}
        for name, kind in self.fields:
            if kind == "file":
                data[name] = SimpleUploadedFile("list.xlsx", b"\x00PK\x03\x04 not a workbook")
            elif name != "csrfmiddlewaretoken":
                data[name] = value
        return data


def forms_of(html: str, url: str) -> list[Form]:
    found = []
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        action = urlsplit(form.get("action") or url)
        if action.netloc or action.path.startswith(tuple("/" + r for r in NOT_FUZZED)):
            continue
        fields = tuple(
            (field["name"], field.get("type", field.name))
            for field in form.find_all(["input", "select", "textarea", "button"])
            if field.get("name")
        )
        found.append(Form(form.get("method", "get").lower(), action.path or url, fields))
    return found


def browser_for(role: str) -> Client:
    browser = Client(raise_request_exception=False)
    if role in ROLE_LOGINS:
        browser.force_login(User.objects.get(username=ROLE_LOGINS[role]))
    return browser


def ask(browser: Client, method: str, url: str, data=None, cookies=None):
    """One request, rolled back with everything it did to the database and the cookies."""
    kept = copy.deepcopy(browser.cookies)
    for name, value in (cookies or {}).items():
        browser.cookies[name] = value
    with transaction.atomic():
        answer = getattr(browser, method)(url, data or {})
        transaction.set_rollback(True)
    browser.cookies = kept
    return answer


@pytest.fixture(scope="module")
def forms_by_route(demo_school, django_db_blocker):
    """Per role, the forms the site shows, by the URL name they send to."""
    found = {role: {} for role in ROLES}
    with django_db_blocker.unblock():
        for role in ROLES:
            browser = browser_for(role)
            for route, name in routes():
                for url in addresses(route, name)[0]:
                    answer = ask(browser, "get", url)
                    if answer.status_code == 200 and "html" in answer.get("Content-Type", ""):
                        for form in forms_of(answer.content.decode(), url):
                            target = resolve(form.action)
                            key = target.view_name or target.route
                            found[role].setdefault(key, set()).add(form)
    return found


@pytest.fixture
def server_errors():
    """What made each 500, for the failure message."""
    caught = []

    def remember(sender, request, **kwargs):
        import sys

        caught.append(repr(sys.exc_info()[1])[:200])

    got_request_exception.connect(remember)
    yield caught
    got_request_exception.disconnect(remember)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route, name", routes(), ids=[n or r for r, n in routes()])
def test_no_input_makes_a_server_error(forms_by_route, server_errors, route, name, role):
    browser = browser_for(role)
    failures = []

    def check(method, url, data=None, cookies=None):
        answer = ask(browser, method, url, data, cookies)
        if answer.status_code >= 500:
            cause = server_errors[-1] if server_errors else ""
            sent = f"{data!r:.300}" + (f", cookies {cookies!r}" if cookies else "")
            failures.append(f"{method.upper()} {url!r} {sent}: {answer.status_code} {cause}")

    real, hostile = addresses(route, name)
    forms = forms_by_route[role].get(name or route, set())
    names = QUERY_PARAMETERS | {field for form in forms for field, _kind in form.fields}
    for url in hostile:
        check("get", url)
    for url in real:
        check("get", url, cookies=HOSTILE_COOKIES)
        for value in HOSTILE:
            check("get", url, dict.fromkeys(names, value))
    for form in forms:
        for value in HOSTILE:
            check(form.method, form.action, form.filled_with(value))
    assert not failures, "\n".join(failures)


def test_a_nul_character_is_refused_before_any_view_reads_it(demo_school):
    pupil = User.objects.get(username="student")
    browser = browser_for("pupil")
    assert browser.get(reverse("search"), {"q": "расписание\x00"}).status_code == 400
    assert browser.post(reverse("block_self"), {"reason": "\x00"}).status_code == 400
    pupil.refresh_from_db()
    assert pupil.is_active
