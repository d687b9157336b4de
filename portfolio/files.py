"""Files of a portfolio (evidence of achievements, works): what is accepted and how it is
served (issue 12, item 7).

- The type is read from the content (`filetype`, the library Wagtail itself uses), never
  from the name or the browser's word: PDF, JPEG, PNG, WebP, DOCX, ODT only.
- Photos are re-encoded by Pillow without their EXIF block: a pupil's photo must not
  carry where it was taken (GPS) or the camera's serial.
- A file is served only after the access module's check, always as an attachment with
  `nosniff`, so a browser never renders it as a page of our domain.
"""

import io
import mimetypes
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_FILE_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
}
PHOTO_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}


class CheckedFile(ContentFile):
    """An upload that passed the checks: its content (photos without EXIF), a safe name
    and the type read from the content."""

    def __init__(self, content: bytes, name: str, content_type: str):
        super().__init__(content, name=name)
        self.content_type = content_type


def _without_exif(content: bytes, image_format: str) -> bytes:
    try:
        with Image.open(io.BytesIO(content)) as image:
            # The picture keeps the orientation the camera noted, without the note itself.
            upright = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and upright.mode not in {"RGB", "L"}:
                upright = upright.convert("RGB")
            output = io.BytesIO()
            upright.save(output, format=image_format, quality=90)
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise ValidationError(_("The picture cannot be read.")) from error
    return output.getvalue()


def checked_upload(upload) -> CheckedFile:
    """The uploaded file if it is of an allowed type and size; otherwise a ValidationError
    that says what is wrong."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_BYTES // 1024 // 1024}
        )
    content = upload.read()
    guessed = filetype.guess(content)
    content_type = guessed.mime if guessed is not None else ""
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            _("This type of file is not accepted: only PDF, JPEG, PNG, WebP, DOCX and ODT.")
        )
    if content_type in PHOTO_FORMATS:
        content = _without_exif(content, PHOTO_FORMATS[content_type])
    stem = PurePath(upload.name or "file").stem[:80] or "file"
    return CheckedFile(content, f"{stem}.{ALLOWED_TYPES[content_type]}", content_type)


def attachment_response(field_file, *, name: str, content_type: str = "") -> FileResponse:
    """The file as a download, never shown inline and never kept by a shared cache."""
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    add_never_cache_headers(response)
    return response
