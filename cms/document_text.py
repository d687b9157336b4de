"""The text inside a published file, for site search (SPEC §1: search finds text inside
documents).

Read once, when the file is uploaded or replaced, never while searching. PDF through
pypdf; DOCX and ODT are zip archives of XML, read with the standard library. A file that
cannot be read (a scan without a text layer, a damaged or hostile file) simply has no
text: the upload is not refused for that, its title and description are still indexed.
"""

import logging
import posixpath
import zipfile
from typing import IO
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# A school's acts run to dozens of pages; the beginning of a 500-page scan export is
# enough to find it, and the index stays small.
MAX_PAGES = 200
MAX_CHARS = 200_000
# An archive member larger than this when unpacked is not a school document but a bomb.
MAX_XML_BYTES = 20 * 1024 * 1024

_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def document_text(file: IO[bytes], name: str) -> str:
    """The text of an open binary `file` called `name`, or "" when there is none to read."""
    extension = posixpath.splitext(name)[1].lower()
    reader = _READERS.get(extension)
    if reader is None:
        return ""
    try:
        file.seek(0)
        text = reader(file)
    except (PyPdfError, zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError) as e:
        logger.info("No text read from %s: %s", name, e)
        return ""
    finally:
        file.seek(0)
    return " ".join(text.split())[:MAX_CHARS]


def _pdf(file) -> str:
    reader = PdfReader(file)
    parts = []
    for page in reader.pages[:MAX_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(map(len, parts)) > MAX_CHARS:
            break
    return "\n".join(parts)


def _xml_root(file, member: str) -> ElementTree.Element:
    with zipfile.ZipFile(file) as archive:
        if archive.getinfo(member).file_size > MAX_XML_BYTES:
            raise ValueError(f"{member} is too large")
        # Expat refuses entity expansion bombs itself (since 2.4.1); OOXML and ODF have no DTD.
        return ElementTree.fromstring(archive.read(member))  # noqa: S314


def _docx(file) -> str:
    root = _xml_root(file, "word/document.xml")
    return "\n".join(
        "".join(node.text or "" for node in paragraph.iter(f"{_WORD_NS}t"))
        for paragraph in root.iter(f"{_WORD_NS}p")
    )


def _odt(file) -> str:
    # ODF keeps text in paragraphs and headings, and in spans inside them.
    root = _xml_root(file, "content.xml")
    blocks = (node for node in root.iter() if node.tag in (f"{_ODF_TEXT_NS}p", f"{_ODF_TEXT_NS}h"))
    return "\n".join("".join(block.itertext()) for block in blocks)


_READERS = {".pdf": _pdf, ".docx": _docx, ".odt": _odt}
