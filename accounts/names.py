"""How people's names compare and sort, the way a Russian school register treats them:
case does not matter and «ё» counts as «е» (teachers write «Ёлкин» and «Елкин»,
«ИВАНОВ» and «Иванов» for the same child; «Ёлкин» is listed between «Елисеев» and
«Жуков», not before «Алексеев»).

The database cannot be trusted with either rule: SQLite's lower() folds ASCII only, and
PostgreSQL's lower() and ORDER BY follow the database's locale, which is often C (where
«Ё» sorts before «А»). So names are folded before the database compares them: to small
letters with «ё» as «е» (the folded letters sort alphabetically in any collation).
"""

import re
from collections.abc import Iterable

from django.db.models import CharField, F, Func

# Cyrillic capitals and «ё» for PostgreSQL's TRANSLATE(), letter for letter.
_CAPITALS = "".join(chr(c) for c in range(ord("А"), ord("Я") + 1)) + "Ёё"
_SMALLS = _CAPITALS[:-2].lower() + "ее"
# SQLite knows no TRANSLATE(): it gets `name_key` itself, registered on every connection.
_SQLITE_FUNCTION = "EIOS_NAME_KEY"
NAME_FIELDS = ("last_name", "first_name", "patronymic")


def name_key(*names: str) -> tuple[str, ...]:
    """Names as compared: case-folded, «ё» as «е», inner spaces collapsed."""
    return tuple(" ".join(n.casefold().replace("ё", "е").split()) for n in names)


class SortableName(Func):
    """A name column folded as `name_key` folds it, in SQL, for ORDER BY."""

    arity = 1
    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: LOWER() takes the Latin letters whatever the locale; the Cyrillic
        # ones are mapped explicitly, since a C locale would leave them as they are.
        sql, params = super().as_sql(compiler, connection, function="LOWER", **extra_context)
        return f"TRANSLATE({sql}, %s, %s)", (*params, _CAPITALS, _SMALLS)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function=_SQLITE_FUNCTION, **extra_context)


def sqlite_functions_register(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: gives SQLite the folding `SortableName` calls."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            _SQLITE_FUNCTION, 1, lambda value: name_key(value)[0], deterministic=True
        )


def name_order(prefix: str = "", *, descending: bool = False) -> list:
    """`order_by()` arguments listing people by surname, name, patronymic as a register
    does; `prefix` reaches the person through a relation (`"user__"`)."""
    keys = [SortableName(F(prefix + field)) for field in NAME_FIELDS]
    pk = F(f"{prefix}pk")
    if descending:
        return [*(key.desc() for key in keys), pk.desc()]
    return [*(key.asc() for key in keys), pk.asc()]


def surname_pattern(surnames: Iterable[str]) -> str:
    """A regular expression matching any of `surnames` whatever the case and ё/е, for
    `last_name__regex`: one query narrows the people a list of names may match (the
    exact comparison is `name_key`, in Python). Every letter is given with both cases,
    so neither database's case folding is relied on.
    """
    alternatives = sorted({_letters_pattern(name_key(s)[0]) for s in surnames if s.strip()})
    return r"^\s*(?:" + "|".join(alternatives) + r")\s*$"


def _letters_pattern(folded: str) -> str:
    parts = []
    for char in folded:
        if char == "е":
            parts.append("[еЕёЁ]")
        elif char == " ":
            parts.append(r"\s+")
        elif char.upper() != char:
            parts.append(f"[{char}{char.upper()}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)
