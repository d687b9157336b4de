"""The README's «Code map» stays true: every module and test it names exists, and every
function (or class) it names is defined in the module named before it in its cell."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"`([^`]+)`")


def code_map_rows() -> list[tuple[str, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Code map\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("rule", "---"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def defined_names(path: Path) -> set[str]:
    """Functions and classes of the module, and methods of its classes."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


def places(cell: str) -> list[tuple[str, list[str]]]:
    """`path` `name`, `name`; `path` `name` … as (path, [names])."""
    found: list[tuple[str, list[str]]] = []
    for code in CODE.findall(cell):
        if code.endswith(".py"):
            found.append((code, []))
        else:
            assert found, f"{code!r} names no module before it"
            found[-1][1].append(code)
    return found


ROWS = code_map_rows()


def test_the_code_map_has_its_rows():
    assert len(ROWS) >= 10


@pytest.mark.parametrize(("rule", "where", "tests"), ROWS, ids=[row[0][:40] for row in ROWS])
def test_every_module_function_and_test_named_exists(rule, where, tests):
    modules = places(where)
    assert modules, f"{rule}: no module named"
    for module, names in modules:
        path = ROOT / module
        assert path.is_file(), f"{rule}: {module} does not exist"
        missing = set(names) - defined_names(path)
        assert not missing, f"{rule}: {module} defines no {sorted(missing)}"
    test_files = CODE.findall(tests)
    assert test_files, f"{rule}: no test named"
    for test_file in test_files:
        assert (ROOT / test_file).is_file(), f"{rule}: {test_file} does not exist"
