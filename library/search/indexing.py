"""Keeping the search index: the stems of the database engine always (they also feed the
typo vocabulary), Elasticsearch as well when it is configured. Saving an edition indexes
it after the commit, in a task (tasks.py), so the request does not wait for it."""

from collections.abc import Iterable

from django.db import transaction

from eios.jobs import JobProgress

from ..models import Edition, SearchTerm
from . import elastic
from .database import facets_changed
from .stems import FACET_MARK, edition_stems

CHUNK = 500


def editions_index(pks: Iterable[int]) -> None:
    pks = list(pks)
    for start in range(0, len(pks), CHUNK):
        editions = list(Edition.objects.filter(pk__in=pks[start : start + CHUNK]))
        _index_chunk(editions)
    gone = set(pks) - set(Edition.objects.filter(pk__in=pks).values_list("pk", flat=True))
    if gone and elastic.configured():
        elastic.index_remove(gone)
    facets_changed()


def stems_fill(editions: list[Edition]) -> None:
    """Set the stems of `editions` (not saved) and add their words to the vocabulary."""
    vocabulary = set()
    for edition in editions:
        edition.title_stems, edition.search_stems = edition_stems(edition)
        # Numbers (an ISBN, a year) are never corrected: they stay out of the vocabulary.
        vocabulary.update(
            stem
            for stem in edition.search_stems.split()
            if not any(c.isdigit() for c in stem) and not stem.startswith(FACET_MARK)
        )
    SearchTerm.objects.bulk_create(
        [SearchTerm(stem=stem[:100]) for stem in vocabulary],
        ignore_conflicts=True,
        batch_size=CHUNK,
    )


def _index_chunk(editions: list[Edition], *, refresh: bool = True) -> None:
    with transaction.atomic():
        stems_fill(editions)
        Edition.objects.bulk_update(editions, ["title_stems", "search_stems"], batch_size=CHUNK)
    if elastic.configured():
        elastic.index_editions(editions, refresh=refresh)


def index_rebuild(progress: JobProgress) -> None:
    """The whole index anew (`manage.py library_index --rebuild`)."""
    SearchTerm.objects.all().delete()
    if elastic.configured():
        elastic.index_create(fresh=True)
    pks = list(Edition.objects.order_by("pk").values_list("pk", flat=True))
    total = len(pks)
    progress.step(0, total)
    for start in range(0, total, CHUNK):
        chunk = list(Edition.objects.filter(pk__in=pks[start : start + CHUNK]))
        _index_chunk(chunk, refresh=False)
        progress.step(min(start + CHUNK, total), total)
    facets_changed()
