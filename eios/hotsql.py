"""Plain SQL for the writes every login makes.

A login writes its session's index row, its audit event and its time; through the ORM the query
compiler and the save machinery cost 1–3 ms each on the 2-core box, beside the ~20 ms of
the password hash. Here the SQL is built once per statement from the model's fields and
the values are prepared by the fields themselves (`get_db_prep_save`), so what is stored
is what the ORM would store. PostgreSQL and SQLite (3.35+: RETURNING, ON CONFLICT).
"""

from functools import cached_property

from django.db import connection
from django.db.models import Model


def _prepared(fields, values: dict) -> list:
    # As the ORM would store them: each field prepares its own value for this database.
    return [field.get_db_prep_save(values[field.attname], connection) for field in fields]


class Insert:
    """INSERT of `fields` (names) into `model`'s table; with `conflict` (a unique field)
    the row already there gets the `update` fields instead; `returning_id` gives the id."""

    def __init__(
        self,
        model: type[Model],
        fields: tuple[str, ...],
        *,
        returning_id: bool = False,
        conflict: str | None = None,
        update: tuple[str, ...] = (),
    ):
        self.meta = model._meta
        self.fields = [self.meta.get_field(name) for name in fields]
        self.returning_id = returning_id
        self.conflict = self.meta.get_field(conflict) if conflict else None
        self.update = [self.meta.get_field(name) for name in update]

    @cached_property
    def sql(self) -> str:
        quote = connection.ops.quote_name
        # Names come from the model's fields, never from input; values are parameters.
        sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            quote(self.meta.db_table),
            ", ".join(quote(field.column) for field in self.fields),
            ", ".join(["%s"] * len(self.fields)),
        )
        if self.conflict is not None:
            columns = [quote(field.column) for field in self.update]
            sql += " ON CONFLICT ({}) DO UPDATE SET {}".format(
                quote(self.conflict.column),
                ", ".join(f"{column} = excluded.{column}" for column in columns),
            )
        if self.returning_id:
            sql += f" RETURNING {quote(self.meta.pk.column)}"
        return sql

    def execute(self, cursor, values: dict):
        """`values` by attname (`user_id`, not `user`); returns the new id if asked for."""
        cursor.execute(self.sql, _prepared(self.fields, values))
        return cursor.fetchone()[0] if self.returning_id else None


class Update:
    """UPDATE of `fields` (names) of `model`'s row with a given id."""

    def __init__(self, model: type[Model], fields: tuple[str, ...]):
        self.meta = model._meta
        self.fields = [self.meta.get_field(name) for name in fields]

    @cached_property
    def sql(self) -> str:
        quote = connection.ops.quote_name
        return "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608 - names from the model
            quote(self.meta.db_table),
            ", ".join(f"{quote(field.column)} = %s" for field in self.fields),
            quote(self.meta.pk.column),
        )

    def execute(self, cursor, pk, values: dict) -> None:
        """`values` by attname, as for `Insert`."""
        cursor.execute(self.sql, [*_prepared(self.fields, values), pk])
