"""The layers the code keeps (README «Where does this rule live», style.md «Plug-in points»):

- `eios/` — the core — imports no app, neither at module level nor inside a function,
  nor names one by a model label or permission string («accounts.schoolclass»); only its
  wiring (`eios/settings/`, `eios/urls.py`, `eios/wsgi.py`) brings the apps together;
- `accounts/` imports only the core: neither `cms`, `portfolio` nor `library`;
- `portfolio/` and `library/` never import each other.

Apps join by registration (access elements, cabinet panels, demo data), so a new app
touches no existing one. Read with `ast` from every module that is not a test or a
migration (migrations are history: they keep the names of their day).
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {"eios", "accounts", "cms", "portfolio", "library"}
# What each package must not reach.
FORBIDDEN = {
    "eios": {"accounts", "cms", "portfolio", "library"},
    "accounts": {"cms", "portfolio", "library"},
    "portfolio": {"library"},
    "library": {"portfolio"},
}
WIRING = ("eios/settings/", "eios/urls.py", "eios/wsgi.py")
# «app.model» or «app.permission_codename», as Django names them in strings.
LABEL = re.compile(r"^(?P<app>[a-z_]+)\.[A-Za-z_]+$")


def modules():
    for package in FORBIDDEN:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative.startswith(WIRING):
                continue
            yield relative


def _absolute(relative_path: str, node: ast.ImportFrom) -> str:
    """The dotted name an import refers to, relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    package = relative_path.removesuffix(".py").split("/")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def breaks(relative_path: str, source: str) -> list[str]:
    """Every place in `source` where its package reaches what it must not."""
    package = relative_path.split("/", 1)[0]
    forbidden = FORBIDDEN[package]
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [_absolute(relative_path, node)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = LABEL.match(node.value)
            if match and match["app"] in forbidden:
                found.append(f"{relative_path}:{node.lineno} names «{node.value}»")
            continue
        for name in names:
            if name.split(".", 1)[0] in forbidden:
                found.append(f"{relative_path}:{node.lineno} imports {name}")
    return found


@pytest.mark.parametrize("relative_path", list(modules()))
def test_the_module_keeps_its_layer(relative_path):
    source = (ROOT / relative_path).read_text(encoding="utf-8")
    assert breaks(relative_path, source) == []


# Breaks the code had before the plug-in points: the checker must catch each of them.
TODAYS_BREAKS = [
    ("eios/access/decide.py", "def f():\n    from accounts.models import Appointment\n"),
    ("eios/access/elements.py", 'LABEL = "accounts.schoolclass"\n'),
    ("eios/admin_views.py", 'PERMISSION = "accounts.view_auditevent_log"\n'),
    ("eios/access_admin/person.py", "from accounts.admin_views.people import people_policy\n"),
    ("accounts/views/cabinet.py", "from cms.selectors import platforms_for_positions\n"),
    ("accounts/views/cabinet.py", "import cms.selectors\n"),
    ("accounts/models/orders.py", 'school = ForeignKey("cms.School")\n'),
    ("portfolio/views.py", "from library.models import Edition\n"),
    ("library/views.py", "from ..portfolio import models\n"),
]
# What stays allowed: the core, and an app's own modules.
ALLOWED = [
    ("accounts/views/cabinet.py", "from eios.access import can\n"),
    ("accounts/views/cabinet.py", "from ..selectors import sessions_of\n"),
    ("library/views.py", "from .models import Edition\n"),
    ("eios/access/decide.py", "from .registry import element_for\n"),
]


@pytest.mark.parametrize(("relative_path", "source"), TODAYS_BREAKS)
def test_the_checker_catches_the_breaks_the_code_had(relative_path, source):
    assert breaks(relative_path, source), f"{relative_path}: {source!r} was not caught"


@pytest.mark.parametrize(("relative_path", "source"), ALLOWED)
def test_the_checker_lets_the_core_and_an_apps_own_modules_be(relative_path, source):
    assert breaks(relative_path, source) == []


# A template of the core names an app's setting as `settings.<app>.<Model>`.
TEMPLATE_SETTING = re.compile(r"\bsettings\.(?P<app>[a-z_]+)\.[A-Z]")


def template_breaks(package: str, text: str) -> list[str]:
    return [
        match[0] for match in TEMPLATE_SETTING.finditer(text) if match["app"] in FORBIDDEN[package]
    ]


@pytest.mark.parametrize(
    "relative_path",
    [
        path.relative_to(ROOT).as_posix()
        for package in FORBIDDEN
        for path in sorted((ROOT / package).rglob("templates/**/*.html"))
    ],
)
def test_the_template_keeps_its_layer(relative_path):
    text = (ROOT / relative_path).read_text(encoding="utf-8")
    assert template_breaks(relative_path.split("/", 1)[0], text) == []


def test_the_template_checker_catches_what_the_base_template_had():
    had = "{% with school=settings.eios.School look=settings.cms.SiteLook %}"
    assert template_breaks("eios", had) == ["settings.cms.S"]
    assert template_breaks("accounts", had) == ["settings.cms.S"]
    assert template_breaks("eios", "{{ settings.eios.School.full_name }}") == []
