"""What the database engine keeps of an edition: Snowball stems of its words, the same
stemming as the site search (eios/search/words.py), so «учебник математики» and
«Математика. Учебник» meet on every database."""

import hashlib

from eios.search import stems

from ..models import Edition


def padded(words) -> str:
    # Each stem between spaces: `LIKE '% stem %'` then matches whole stems only.
    return f" {' '.join(words)} " if words else ""


def unique_stems(text: str) -> list[str]:
    return list(dict.fromkeys(stems(text)))


def edition_text(edition: Edition) -> str:
    return " ".join(
        [
            edition.title,
            edition.authors.replace(";", " "),
            edition.publisher,
            edition.subject,
            edition.description,
            edition.udc,
            edition.bbk,
            edition.isbn,
        ]
    )


# Facet values as tokens beside the stems: PostgreSQL's text-search index then narrows a
# query by its facets too («учебник» in grade 7 reads the grade's rows, not all
# textbooks). Nobody types these; the vocabulary of typos leaves them out.
FACET_MARK = "zz"


def facet_tokens(
    *,
    grades=(),
    kind: str = "",
    subject: str = "",
    year: int | None = None,
    federal: bool = False,
) -> list[str]:
    tokens = [f"{FACET_MARK}g{grade}" for grade in grades]
    if kind:
        tokens.append(f"{FACET_MARK}k{kind.replace('_', '')}")
    if subject:
        digest = hashlib.md5(subject.casefold().encode(), usedforsecurity=False).hexdigest()
        tokens.append(f"{FACET_MARK}s{digest[:12]}")
    if year:
        tokens.append(f"{FACET_MARK}y{year}")
    if federal:
        tokens.append(f"{FACET_MARK}f")
    return tokens


def edition_stems(edition: Edition) -> tuple[str, str]:
    """(title stems, stems of everything searchable and the facet tokens), each padded."""
    tokens = facet_tokens(
        grades=edition.grades,
        kind=edition.kind,
        subject=edition.subject,
        year=edition.year,
        federal=edition.on_federal_list,
    )
    return (
        padded(unique_stems(edition.title)),
        padded([*unique_stems(edition_text(edition)), *tokens]),
    )
