"""The staged import (issue 13 §2; Koha's reservoir, feature-anchors §4.1): a file is read
into a batch, each record matched against the catalogue (ISBN, else title + first author
+ year) and previewed as new, matching or a problem; the batch is committed in one
transaction, only when it has no problem; a committed batch is undone whole."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from eios.jobs import JobProgress

from ..models import (
    BatchState,
    Edition,
    ImportBatch,
    ImportRecord,
    RecordStatus,
    match_key,
)
from ..signals import index_after_commit
from .fields import edition_fields
from .readers import FileRefused, read


def batch_stage(
    *,
    data: bytes,
    file_name: str,
    declared_format: str | None = None,
    owner: User | None,
    progress: JobProgress | None = None,
) -> ImportBatch:
    """Read and match the file; the batch says what a commit would do. Nothing in the
    catalogue changes here."""
    try:
        found_format, sources = read(data, declared_format or None)
    except FileRefused as refused:
        return ImportBatch.objects.create(
            file_name=file_name[:300],
            format=declared_format or "",
            owner=owner,
            state=BatchState.REFUSED,
            problems=[refused.problem.as_dict()],
        )
    batch = ImportBatch.objects.create(file_name=file_name[:300], format=found_format, owner=owner)
    records = []
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        fields, problems = edition_fields(source.values) if source.values else ({}, [])
        # A field the reader found wrong already (a formula) is not reported twice.
        reported = {problem.field for problem in source.problems}
        problems = [
            {"field": source.names.get(problem.field, problem.field), "message": problem.message}
            for problem in [
                *source.problems,
                *(problem for problem in problems if problem.field not in reported),
            ]
        ]
        records.append(
            ImportRecord(
                batch=batch,
                number=source.number,
                row=source.row,
                fields=fields,
                status=RecordStatus.PROBLEM if problems else RecordStatus.NEW,
                problems=problems,
            )
        )
        if progress:
            progress.step(done, total, message=_("reading records"))
    _match(records)
    ImportRecord.objects.bulk_create(records, batch_size=500)
    if any(record.problems for record in records):
        batch.state = BatchState.REFUSED
        batch.save(update_fields=["state"])
    return batch


def batch_stage_file(
    progress: JobProgress, *, path: str, file_name: str, declared_format: str, owner_id: int
) -> str:
    """The background job of the admin's upload (tasks.import_stage_task); the uploaded
    copy is removed once read."""
    stored = Path(path)
    try:
        data = stored.read_bytes()
    finally:
        stored.unlink(missing_ok=True)
    batch = batch_stage(
        data=data,
        file_name=file_name,
        declared_format=declared_format or None,
        owner=User.objects.filter(pk=owner_id).first(),
        progress=progress,
    )
    return batch.get_absolute_url()


def _match(records: list[ImportRecord]) -> None:
    """Mark the records the catalogue (or an earlier record of the file) already holds."""
    candidates = [record for record in records if record.status == RecordStatus.NEW]
    keys = {record.number: _key(record.fields) for record in candidates}
    isbns = {record.fields["isbn"] for record in candidates if record.fields["isbn"]}
    by_isbn, by_key = {}, {}
    for pk, isbn, key in Edition.objects.filter(
        Q(isbn__in=isbns) | Q(match_key__in=set(keys.values()))
    ).values_list("pk", "isbn", "match_key"):
        by_isbn.setdefault(isbn, pk)
        by_key.setdefault(key, pk)
    seen_isbns, seen_keys = set(), set()
    for record in candidates:
        isbn, key = record.fields["isbn"], keys[record.number]
        match = by_isbn.get(isbn) if isbn else by_key.get(key)
        if match or (isbn and isbn in seen_isbns) or (not isbn and key in seen_keys):
            record.status = RecordStatus.MATCHING
            record.match_id = match
        seen_isbns.add(isbn)
        seen_keys.add(key)


def _key(fields: dict) -> str:
    first_author = fields["authors"].split(";")[0].strip()
    return match_key(fields["title"], first_author, fields["year"])


@transaction.atomic
def batch_commit(*, batch: ImportBatch, actor: User | None) -> int:
    """Add the batch's new records to the catalogue, all in one transaction; refused while
    any record has a problem. Matched again first: the catalogue may have changed."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != BatchState.STAGED:
        raise ValidationError(
            _("Only a staged batch without problems can be committed; this one is %(state)s.")
            % {"state": batch.get_state_display()}
        )
    records = list(batch.records.all())
    for record in records:
        if record.status == RecordStatus.MATCHING:
            record.status = RecordStatus.NEW
    _match(records)
    ImportRecord.objects.bulk_update(records, ["status", "match"], batch_size=500)
    new = [
        Edition(**record.fields, import_batch=batch, match_key=_key(record.fields))
        for record in records
        if record.status == RecordStatus.NEW
    ]
    created = Edition.objects.bulk_create(new, batch_size=500)
    batch.state = BatchState.COMMITTED
    batch.committed_at = timezone.now()
    batch.save(update_fields=["state", "committed_at"])
    index_after_commit(edition.pk for edition in created)
    return len(created)


@transaction.atomic
def batch_undo(*, batch: ImportBatch, actor: User | None) -> int:
    """Remove every edition the batch added (issue 13 §2: undo a committed batch whole)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state != BatchState.COMMITTED:
        raise ValidationError(_("Only a committed batch can be undone."))
    editions = Edition.objects.filter(import_batch=batch)
    pks = list(editions.values_list("pk", flat=True))
    # Each deletion is taken out of the index after the commit (signals.py).
    editions.delete()
    batch.state = BatchState.UNDONE
    batch.undone_at = timezone.now()
    batch.save(update_fields=["state", "undone_at"])
    return len(pks)
