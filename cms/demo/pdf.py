"""A small valid one-page PDF, so demo documents open in any viewer."""


def minimal_pdf(title: str) -> bytes:
    # Latin transliteration is not needed: the text is a placeholder line in ASCII.
    text = "EIOS demo document".encode("ascii")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def text_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A PDF whose Russian text can be selected, copied and searched ([1493] §24), for demo
    documents whose contents matter (site search finds text inside documents)."""
    from django.utils.html import escape
    from weasyprint import HTML, URLFetcher

    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    html = (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>"
        f"<body style=\"font-family: 'DejaVu Sans', sans-serif\"><h1>{escape(title)}</h1>"
        f"{body}</body></html>"
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
