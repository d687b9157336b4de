"""The database engine: stems stored at indexing time (stems.py), matched whole — on
PostgreSQL through a GIN text-search index over them, on SQLite with `LIKE '% stem %'`;
mistyped words corrected (typos.py); the total and the facet counts over the whole result
set from one grouped query, then the page."""

import hashlib
import time
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Case, Count, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from eios.search import highlight, stems

from ..models import Edition, EditionKind
from .params import MAX_WORDS, PER_PAGE, FacetOption, SearchParams, SearchResults
from .stems import facet_tokens
from .typos import corrected

ORDERINGS = {
    "title": ["title", "pk"],
    "year_desc": ["-year", "title", "pk"],
    "year_asc": ["year", "title", "pk"],
}


def query_stems(text: str) -> list[str]:
    return list(dict.fromkeys(stems(text)))[:MAX_WORDS]


def search(params: SearchParams) -> SearchResults:
    editions = Edition.objects.all()
    if params.hidden_collections:
        hidden = Q(collection__in=params.hidden_collections)
        if params.granted_editions:
            hidden &= ~Q(pk__in=params.granted_editions)
        editions = editions.exclude(hidden)
    words = query_stems(params.q)
    corrections = corrected(words) if words else {}
    words = [corrections.get(word, word) for word in words]
    editions = _filtered(_matching(editions, words, params), params)
    total, facets = _facets_cached(editions, params) if not words else _facets(editions)
    hits = _page(editions, params, words, total) if total else []
    for hit in hits:
        hit.highlighted_title = highlight(hit.title, words)
    return SearchResults(
        total=total,
        hits=hits,
        facets=facets,
        corrections={_original(params.q, stem): known for stem, known in corrections.items()},
        page=params.page,
    )


# PostgreSQL: the stems as a `simple` text-search vector (it only splits them, they are
# stemmed already), served by a GIN index on the same expression (migration 0002).
STEMS_MATCH = (
    "to_tsvector('simple'::regconfig, library_edition.search_stems) "
    "@@ plainto_tsquery('simple'::regconfig, %s)"
)


def _matching(editions, words: list[str], params: SearchParams):
    """Editions holding every word (as a stem); on PostgreSQL the index is asked for the
    facets' tokens too (`_filtered` still states the facets for every engine)."""
    if connection.vendor == "postgresql":
        words = [
            *words,
            *facet_tokens(
                grades=[params.grade] if params.grade else (),
                kind=params.kind,
                subject=params.subject,
                year=params.year,
                federal=params.federal,
            ),
        ]
        if not words:
            return editions
        matching = RawSQL(STEMS_MATCH, [" ".join(words)], output_field=BooleanField())  # noqa: S611 — a parameter
        return editions.filter(matching)
    for word in words:
        editions = editions.filter(search_stems__contains=f" {word} ")
    return editions


def _filtered(editions, params: SearchParams):
    if params.subject:
        editions = editions.filter(subject=params.subject)
    if params.grade:
        editions = editions.filter(grade_from__lte=params.grade, grade_to__gte=params.grade)
    if params.kind:
        editions = editions.filter(kind=params.kind)
    if params.year:
        editions = editions.filter(year=params.year)
    if params.federal:
        editions = editions.filter(on_federal_list=True)
    return editions


# Relevance over more matches than this is read tier by tier (_relevance_page); a smaller
# match is sorted whole, in one query.
TIERED_FROM = 2000


def _page(editions, params: SearchParams, words: list[str], total: int) -> list[Edition]:
    start = (params.page - 1) * PER_PAGE
    if params.sort == "relevance" and words:
        if total > TIERED_FROM:
            return _relevance_page(editions, words, start)
        ordered = editions.annotate(rank=_in_title(words)).order_by("-rank", "title", "pk")
    else:
        ordered = editions.order_by(*ORDERINGS.get(params.sort, ORDERINGS["title"]))
    return list(_shown(ordered)[start : start + PER_PAGE])


def _shown(editions):
    return editions.select_related("collection").defer("title_stems", "search_stems")


def _in_title(words: list[str]):
    """How many of the words the title holds."""
    return sum(
        (
            Case(
                When(title_stems__contains=f" {word} ", then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for word in words
        ),
        Value(0),
    )


def _relevance_page(editions, words: list[str], start: int) -> list[Edition]:
    """Relevance: editions with more of the words in their title first, then by title.
    Read tier by tier (all the words in the title, one fewer, …), each along the title
    index: sorting the whole match by a computed rank took most of the time of a common
    word. A page usually lies in one tier (one query); a tier the page skips whole is
    counted."""
    ranked = editions.annotate(rank=_in_title(words))
    hits: list[Edition] = []
    for rank in range(len(words), -1, -1):
        tier = ranked.filter(rank=rank).order_by("title", "pk")
        taken = list(_shown(tier)[start : start + PER_PAGE - len(hits)])
        hits += taken
        if len(hits) == PER_PAGE:
            break
        # The tier ended on this page, or the page starts beyond its end.
        start = 0 if taken or not start else start - tier.count()
    return hits


# Counts of a catalogue browsed without words (the landing page above all) are read from
# the cache until an edition changes (indexing.py moves the version on).
FACETS_VERSION_KEY = "library:facets-version"
FACETS_SECONDS = 600


def _facets_cached(editions, params: SearchParams):
    version = cache.get(FACETS_VERSION_KEY, 0)
    asked = (
        params.subject,
        params.grade,
        params.kind,
        params.year,
        params.federal,
        params.hidden_collections,
        params.granted_editions,
        get_language(),  # the kinds' names are in it
    )
    digest = hashlib.sha256(repr(asked).encode()).hexdigest()[:32]
    key = f"library:facets:{version}:{digest}"
    found = cache.get(key)
    if found is None:
        found = _facets(editions)
        cache.set(key, found, FACETS_SECONDS)
    return found


def facets_changed() -> None:
    cache.set(FACETS_VERSION_KEY, time.time_ns(), None)


def _facets(editions) -> tuple[int, dict[str, list[FacetOption]]]:
    """The total and every facet's counts over the whole result set, from one grouped
    query: the groups are few (subjects × years × kinds × grades), the rows many."""
    groups = (
        editions.order_by()
        .values_list("subject", "year", "kind", "grade_from", "grade_to", "on_federal_list")
        .annotate(count=Count("pk"))
    )
    subjects, years, kinds, grades = Counter(), Counter(), Counter(), Counter()
    total = federal = 0
    for subject, year, kind, grade_from, grade_to, on_list, count in groups:
        total += count
        federal += count if on_list else 0
        kinds[kind] += count
        if subject:
            subjects[subject] += count
        if year:
            years[year] += count
        if grade_from:
            for grade in range(grade_from, (grade_to or grade_from) + 1):
                grades[grade] += count
    if not total:
        return 0, {}
    return total, {
        "subject": [
            FacetOption(subject, subject, count)
            for subject, count in sorted(subjects.items(), key=lambda item: (-item[1], item[0]))
        ],
        "grade": [FacetOption(str(grade), str(grade), grades[grade]) for grade in sorted(grades)],
        "kind": [
            FacetOption(kind, str(label), kinds[kind])
            for kind, label in EditionKind.choices
            if kinds[kind]
        ],
        "year": [
            FacetOption(str(year), str(year), years[year]) for year in sorted(years, reverse=True)
        ],
        "federal": [FacetOption("1", "", federal)] if federal else [],
    }


def _original(text: str, stem: str) -> str:
    """The word of the query that `stem` came from (to say what was corrected)."""
    return next((word for word in text.split() if stems(word) == [stem]), stem)
