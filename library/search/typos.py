"""Typo tolerance of the database engine: a word whose stem the catalogue never contains
is taken for the nearest stem it does contain («матиматика» → «математик»).

PostgreSQL compares trigrams (pg_trgm, indexed); SQLite has no such thing, so the stems
of about the same length are compared by edit distance (rapidfuzz) in Python: the
vocabulary of a school catalogue is some tens of thousands of stems at most.
"""

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models.functions import Length
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..models import SearchTerm

MIN_SIMILARITY = 0.3


def allowed_edits(stem: str) -> int:
    return 1 if len(stem) <= 5 else 2


def corrected(stems: list[str]) -> dict[str, str]:
    """{unknown stem: the known stem taken for it}, for the stems the catalogue lacks
    (one query, and one more per unknown stem)."""
    known = set(SearchTerm.objects.filter(stem__in=stems).values_list("stem", flat=True))
    found = {}
    for stem in stems:
        if stem in known or len(stem) < 4 or stem.isdigit():
            continue
        nearest = _nearest_trigram(stem) if connection.vendor == "postgresql" else _nearest(stem)
        if nearest:
            found[stem] = nearest
    return found


def _nearest_trigram(stem: str) -> str | None:
    return (
        SearchTerm.objects.annotate(similarity=TrigramSimilarity("stem", stem))
        .filter(similarity__gte=MIN_SIMILARITY)
        .order_by("-similarity", "stem")
        .values_list("stem", flat=True)
        .first()
    )


def _nearest(stem: str) -> str | None:
    edits = allowed_edits(stem)
    candidates = list(
        SearchTerm.objects.annotate(length=Length("stem"))
        .filter(length__gte=len(stem) - edits, length__lte=len(stem) + edits)
        .values_list("stem", flat=True)
    )
    best = process.extractOne(stem, candidates, scorer=Levenshtein.distance, score_cutoff=edits)
    return best[0] if best else None
