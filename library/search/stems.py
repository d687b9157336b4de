"""What the database engine keeps of an edition: Snowball stems of its words, the same
stemming as the site search (eios/search/words.py), so «учебник математики» and
«Математика. Учебник» meet on every database."""

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


def edition_stems(edition: Edition) -> tuple[str, str]:
    """(title stems, stems of everything searchable), each padded."""
    return padded(unique_stems(edition.title)), padded(unique_stems(edition_text(edition)))
