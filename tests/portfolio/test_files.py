"""Files are accepted by their content, within a size, and photos lose their EXIF data
(these are minors: no GPS position leaves with a diploma's photo)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portfolio import files
from portfolio.files import checked_upload

from .conftest import pdf_file, photo_with_gps


def test_a_photo_loses_its_exif_and_gps():
    checked = checked_upload(photo_with_gps())
    assert checked.content_type == "image/jpeg"
    with Image.open(io.BytesIO(checked.read())) as image:
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_pdf_is_kept_as_it_is():
    checked = checked_upload(pdf_file())
    assert checked.content_type == "application/pdf"
    assert checked.name == "certificate.pdf"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_a_docx_is_accepted_by_its_content():
    checked = checked_upload(SimpleUploadedFile("essay.docx", _docx()))
    assert checked.name == "essay.docx"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("diploma.jpg", b"#!/bin/sh\nrm -rf /"),
        ("picture.png", b"GIF89a\x01\x00\x01\x00"),
    ],
)
def test_a_file_whose_content_is_not_an_allowed_type_is_refused(name, content):
    with pytest.raises(ValidationError, match="not accepted"):
        checked_upload(SimpleUploadedFile(name, content))


def test_a_file_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError, match="larger than"):
        checked_upload(pdf_file())


def test_an_html_file_named_pdf_gets_a_stored_name_from_its_real_type():
    checked = checked_upload(SimpleUploadedFile("x.html", pdf_file().read()))
    assert checked.name == "x.pdf"
