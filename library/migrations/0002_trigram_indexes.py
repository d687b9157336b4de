"""On PostgreSQL: a GIN text-search index over the stems (library/search/database.py
matches them with the very same expression), pg_trgm and a trigram index over the
vocabulary (typo correction). SQLite has neither and needs neither: nothing happens there."""

from django.db import migrations

STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS library_edition_stems_fts "
    "ON library_edition USING gin (to_tsvector('simple'::regconfig, search_stems))",
    "CREATE INDEX IF NOT EXISTS library_searchterm_stem_trgm "
    "ON library_searchterm USING gin (stem gin_trgm_ops)",
]
REVERSE = [
    "DROP INDEX IF EXISTS library_searchterm_stem_trgm",
    "DROP INDEX IF EXISTS library_edition_stems_fts",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(_run(STATEMENTS), _run(REVERSE))]
