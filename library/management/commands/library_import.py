from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from eios.jobs import ConsoleProgress

from ...imports.staging import batch_commit, batch_stage
from ...models import BatchState, ImportFormat, RecordStatus


class Command(BaseCommand):
    help = (
        "Stage a catalogue file (CSV, XLSX, MARC 21 or RUSMARC in ISO 2709 or MARCXML) and "
        "show what it would add; with --commit add it. Any problem: nothing changes, exit 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=ImportFormat.values, default=None)
        parser.add_argument("--commit", action="store_true", help="Add the new editions.")

    def handle(self, *args, file, format, commit, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        batch = batch_stage(
            data=path.read_bytes(),
            file_name=path.name,
            declared_format=format,
            owner=None,
            progress=ConsoleProgress(self.stdout.write),
        )
        records = list(batch.records.order_by("number"))
        problems = [problem["message"] for problem in batch.problems]
        for record in records:
            where = _("record %(number)d") % {"number": record.number}
            if record.row:
                where += ", " + _("row %(row)d") % {"row": record.row}
            problems += [f"{where}, {p['field']}: {p['message']}" for p in record.problems]
        for problem in problems:
            self.stderr.write(problem)
        new = sum(record.status == RecordStatus.NEW for record in records)
        matching = sum(record.status == RecordStatus.MATCHING for record in records)
        self.stdout.write(
            _(
                "Batch %(batch)d: new %(new)d, already in the catalogue %(matching)d, "
                "problems %(problems)d."
            )
            % {"batch": batch.pk, "new": new, "matching": matching, "problems": len(problems)}
        )
        if batch.state == BatchState.REFUSED:
            raise CommandError(_("The file is refused; the catalogue is unchanged."))
        if commit:
            added = batch_commit(batch=batch, actor=None)
            self.stdout.write(
                self.style.SUCCESS(_("Editions added: %(count)d.") % {"count": added})
            )
