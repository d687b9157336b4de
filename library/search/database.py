"""The database engine: stems stored at indexing time (stems.py), matched whole with
`LIKE '% stem %'` (a pg_trgm GIN index serves it on PostgreSQL), mistyped words
corrected (typos.py); facet counts over the whole result set in three queries."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from eios.search import highlight, stems

from ..models import GRADES, Edition, EditionKind
from .params import MAX_WORDS, PER_PAGE, FacetOption, SearchParams, SearchResults
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
        editions = editions.exclude(collection__in=params.hidden_collections)
    words = query_stems(params.q)
    corrections = corrected(words) if words else {}
    words = [corrections.get(word, word) for word in words]
    for word in words:
        editions = editions.filter(search_stems__contains=f" {word} ")
    editions = _filtered(editions, params)
    counts = editions.aggregate(
        total=Count("pk"),
        federal=Count("pk", filter=Q(on_federal_list=True)),
        **{f"kind_{kind}": Count("pk", filter=Q(kind=kind)) for kind in EditionKind.values},
        **{
            f"grade_{grade}": Count("pk", filter=Q(grade_from__lte=grade, grade_to__gte=grade))
            for grade in GRADES
        },
    )
    total = counts["total"]
    hits = []
    if total:
        ordered = _ordered(editions, params, words)
        start = (params.page - 1) * PER_PAGE
        hits = list(
            ordered.select_related("collection").defer("title_stems", "search_stems")[
                start : start + PER_PAGE
            ]
        )
    for hit in hits:
        hit.highlighted_title = highlight(hit.title, words)
    return SearchResults(
        total=total,
        hits=hits,
        facets=_facets(editions, counts) if total else {},
        corrections={_original(params.q, stem): known for stem, known in corrections.items()},
        page=params.page,
    )


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


def _ordered(editions, params: SearchParams, words: list[str]):
    if params.sort in ORDERINGS or not words:
        return editions.order_by(*ORDERINGS.get(params.sort, ORDERINGS["title"]))
    # Relevance: editions with more of the words in their title first.
    in_title = sum(
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
    return editions.annotate(rank=in_title).order_by("-rank", "title", "pk")


def _facets(editions, counts: dict) -> dict[str, list[FacetOption]]:
    subjects = (
        editions.exclude(subject="")
        .values_list("subject")
        .annotate(count=Count("pk"))
        .order_by("-count", "subject")
    )
    years = (
        editions.exclude(year=None)
        .values_list("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    return {
        "subject": [FacetOption(subject, subject, count) for subject, count in subjects],
        "grade": [
            FacetOption(str(grade), str(grade), counts[f"grade_{grade}"])
            for grade in GRADES
            if counts[f"grade_{grade}"]
        ],
        "kind": [
            FacetOption(kind, str(label), counts[f"kind_{kind}"])
            for kind, label in EditionKind.choices
            if counts[f"kind_{kind}"]
        ],
        "year": [FacetOption(str(year), str(year), count) for year, count in years],
        "federal": [FacetOption("1", "", counts["federal"])] if counts["federal"] else [],
    }


def _original(text: str, stem: str) -> str:
    """The word of the query that `stem` came from (to say what was corrected)."""
    return next((word for word in text.split() if stems(word) == [stem]), stem)
