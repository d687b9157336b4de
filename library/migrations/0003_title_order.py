"""The catalogue's pages in title order read along an index (library/search/database.py);
on PostgreSQL no parallel workers for the catalogue's table: its queries take some tens of
milliseconds, less than starting workers costs on a small, busy server (1.5 times slower
with them on the 100,000-edition benchmark)."""

from django.db import migrations, models


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0002_trigram_indexes")]

    operations = [
        migrations.AddIndex(
            model_name="edition",
            index=models.Index(fields=["title", "id"], name="library_edi_title_760290_idx"),
        ),
        migrations.RunPython(
            _run("ALTER TABLE library_edition SET (parallel_workers = 0)"),
            _run("ALTER TABLE library_edition RESET (parallel_workers)"),
        ),
    ]
