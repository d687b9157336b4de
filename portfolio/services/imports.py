"""Imports from «Сетевой город. Образование» (regulation §11.2–§11.3): a batch applied at
once or not at all, importing the same rows again adds nothing (natural keys), and a
batch is undone whole while nothing of it has been confirmed since."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from ..models import (
    Achievement,
    AchievementSource,
    AchievementStatus,
    ColumnMapping,
    Evidence,
    ImportBatch,
    Portfolio,
)
from ..sgo_import import Row, parse
from .notify import portfolio_changed


def import_check(*, content: bytes, name: str) -> list[Row]:
    """The file's rows, checked whole against the saved column mapping."""
    return parse(content, name, ColumnMapping.current().columns())


@transaction.atomic
def import_batch_create(*, actor: User, content: bytes, name: str) -> tuple[ImportBatch, int]:
    """The batch and its file, checked whole, and its number of rows; the rows are added
    by `import_apply`."""
    rows = import_check(content=content, name=name)
    batch = ImportBatch.objects.create(
        file=ContentFile(content, name=name), file_name=name[:200], created_by=actor
    )
    return batch, len(rows)


@transaction.atomic
def import_apply(*, batch: ImportBatch, progress=None) -> ImportBatch:
    """Add the batch's rows not imported before, as entries waiting for confirmation."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.applied_at is not None:
        raise ValidationError(_("This import has already been applied."))
    with batch.file.open("rb") as stored:
        rows = import_check(content=stored.read(), name=batch.file_name)
    portfolios = {}
    for pupil in {row.pupil for row in rows}:
        portfolios[pupil.pk] = Portfolio.objects.get_or_create(pupil=pupil)[0]
    known = set(
        Achievement.objects.filter(portfolio__in=portfolios.values())
        .exclude(import_key="")
        .values_list("portfolio", "import_key")
    )
    new = []
    for done, row in enumerate(rows, start=1):
        portfolio = portfolios[row.pupil.pk]
        if (portfolio.pk, row.key) not in known:
            known.add((portfolio.pk, row.key))
            new.append(
                Achievement(
                    portfolio=portfolio,
                    source=AchievementSource.SGO,
                    status=AchievementStatus.SUBMITTED,
                    created_by=batch.created_by,
                    import_batch=batch,
                    import_key=row.key,
                    **row.fields,
                )
            )
        if progress is not None:
            progress.step(done, len(rows))
    Achievement.objects.bulk_create(new, batch_size=500)
    batch.added, batch.skipped = len(new), len(rows) - len(new)
    batch.applied_at = timezone.now()
    batch.save(update_fields=["added", "skipped", "applied_at"])
    for pupil in {row.pupil for row in rows}:
        portfolio_changed(pupil)
    return batch


@transaction.atomic
def import_undo(*, actor: User, batch: ImportBatch) -> ImportBatch:
    """Remove what the batch added, unless some of it has been confirmed since."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.undone_at is not None:
        raise ValidationError(_("This import has already been undone."))
    added = Achievement.objects.filter(import_batch=batch)
    confirmed = added.filter(status=AchievementStatus.CONFIRMED).count()
    if confirmed:
        raise ValidationError(
            _("%(count)d entries of this import have been confirmed since: it cannot be undone.")
            % {"count": confirmed}
        )
    pupils = set(added.values_list("portfolio__pupil", flat=True))
    Evidence.objects.filter(achievement__import_batch=batch).delete()
    added.delete()
    batch.undone_at = timezone.now()
    batch.save(update_fields=["undone_at"])
    for pupil in User.objects.filter(pk__in=pupils):
        portfolio_changed(pupil)
    return batch
