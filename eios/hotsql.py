"""Plain SQL for the reads and writes every login makes.

A login reads its account and writes its session's index row, its audit event and its time;
through the ORM the query compiler and the save machinery cost 1–3 ms each on the 2-core
box, beside the ~20 ms of the password hash. Here the SQL is built once per statement from
the model's fields; values are prepared by the fields themselves (`get_db_prep_save`) and
rows read back through the same converters as the ORM's, so what is stored and read is what
the ORM would store and read. PostgreSQL and SQLite (3.35+: RETURNING, ON CONFLICT).
"""

from functools import cache, cached_property

from django.db import connection
from django.db.models import Model


def _prepared(fields, values: dict, database) -> list:
    # As the ORM would store them: each field prepares its own value for this database.
    # `database` is the cursor's own connection: `django.db.connection` is a proxy that
    # looks the thread's connection up again on every attribute a field reads.
    return [field.get_db_prep_save(values[field.attname], database) for field in fields]


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
        cursor.execute(self.sql, _prepared(self.fields, values, cursor.db))
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
        cursor.execute(self.sql, [*_prepared(self.fields, values, cursor.db), pk])


class Row:
    """`model`'s rows read by plain SQL: `columns` (the model's columns, for a SELECT's
    list, under the table alias `alias`) and `instance(row)` for a row that starts with them."""

    def __init__(self, model: type[Model], alias: str):
        self.model = model
        self.fields = model._meta.concrete_fields
        self.attnames = [field.attname for field in self.fields]
        self.columns = ", ".join(
            f"{alias}.{connection.ops.quote_name(field.column)}" for field in self.fields
        )

    def instance(self, row) -> Model:
        """The model instance of the first columns of `row`, as the ORM would load it."""
        values = list(row[: len(self.fields)])
        for position, converters, column in _converters(self.model, connection.vendor):
            for convert in converters:
                values[position] = convert(values[position], column, connection)
        return self.model.from_db(connection.alias, self.attnames, values)


@cache
def _converters(model: type[Model], vendor: str) -> list:
    # What the ORM's compiler applies to each column (SQLite's dates, booleans, JSON):
    # worked out once per model and database, not per row.
    found = []
    for position, field in enumerate(model._meta.concrete_fields):
        column = field.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if converters:
            found.append((position, converters, column))
    return found
