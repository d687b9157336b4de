"""What a search asks and what it answers: the same for every engine."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

PER_PAGE = 20
# More words than this are not a search for a book: the rest are ignored.
MAX_WORDS = 8
SORTS = {
    "relevance": _("relevance"),
    "title": _("title"),
    "year_desc": _("newest first"),
    "year_asc": _("oldest first"),
}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    subject: str = ""
    grade: int | None = None
    kind: str = ""
    year: int | None = None
    federal: bool = False
    sort: str = "relevance"
    page: int = 1
    # Closed collections the searching person may not see (library/selectors.py).
    hidden_collections: tuple[int, ...] = ()
    # Editions of those collections granted to the person one by one: shown all the same.
    granted_editions: tuple[int, ...] = ()

    @classmethod
    def from_query(cls, data, *, hidden_collections=(), granted_editions=()) -> "SearchParams":
        """From the page's address (`?q=…&subject=…`); nonsense is ignored, not refused."""
        sort = data.get("sort", "relevance")
        return cls(
            q=" ".join(data.get("q", "").split())[:200],
            subject=data.get("subject", "")[:100],
            grade=_number(data.get("grade"), 1, 11),
            kind=data.get("kind", "")[:20],
            year=_number(data.get("year"), 1400, 2100),
            federal=data.get("federal") == "1",
            sort=sort if sort in SORTS else "relevance",
            page=_number(data.get("page"), 1, 100_000) or 1,
            hidden_collections=tuple(hidden_collections),
            granted_editions=tuple(granted_editions),
        )


def _number(value, low: int, high: int) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    total: int
    # Editions of the page, each with `.highlighted_title`.
    hits: list
    # {"subject": [FacetOption …], "kind": …, "grade": …, "year": …, "federal": …}
    facets: dict[str, list[FacetOption]]
    # The words the search took for mistyped ones: {"матиматика": "математика"}.
    corrections: dict[str, str] = field(default_factory=dict)
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))
