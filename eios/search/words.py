"""Russian word forms for site search, the same on every database.

Parents type «экскурсии» and the news says «Экскурсия»; PostgreSQL could stem with its
`russian` configuration, SQLite's FTS5 cannot stem at all. So both sides are reduced to
Snowball stems here, in Python, before any engine sees them (eios/search/backend.py): the
text that goes into the index and the words of every query. Then «экскурсии» and
«Экскурсия» are both «экскурс» on SQLite and on PostgreSQL alike, and the highlighting of
results below uses the very same stems.
"""

import re
import threading
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+")
# Words and what separates them, in order, so a text can be put back together.
_PIECES = re.compile(r"(\w+)")

# The pure-Python stemmer keeps its state on the instance while it works.
_local = threading.local()


def _stemmer():
    if not hasattr(_local, "stemmer"):
        _local.stemmer = snowballstemmer.stemmer("russian")
    return _local.stemmer


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one word: lower case, «ё» as «е» (people type either), Snowball's
    Russian algorithm (words in other scripts pass through lower-cased)."""
    return _stemmer().stemWord(word.lower().replace("ё", "е"))


def stems(text: str) -> list[str]:
    return [stem(word) for word in WORD.findall(text)]


def stem_text(text: str) -> str:
    """What the index keeps of a text, and what a query becomes: its stems, in order
    (so phrases still match), punctuation gone."""
    return " ".join(stems(text))


def highlight(text: str, query_stems) -> SafeString:
    """`text`, escaped, with each word whose stem is one of `query_stems` in <mark>."""
    wanted = set(query_stems)
    out = []
    for number, piece in enumerate(_PIECES.split(text or "")):
        # re.split with one group: words stand at the odd places.
        if number % 2 and stem(piece) in wanted:
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    return mark_safe("".join(out))  # noqa: S308 — every piece escaped above


def excerpt(text: str, query_stems, *, width: int = 240) -> SafeString:
    """About `width` characters of a long text around its first matching word, highlighted;
    the beginning of the text when no word matches."""
    text = " ".join((text or "").split())
    wanted = set(query_stems)
    start = 0
    for match in WORD.finditer(text):
        if stem(match.group()) in wanted:
            start = max(0, match.start() - width // 3)
            break
    if start:
        # Begin at a word boundary, not in the middle of a word.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    shown = highlight(text[start:end], wanted)
    return mark_safe(  # noqa: S308 — highlight() escapes
        ("… " if start else "") + shown + (" …" if end < len(text) else "")
    )
