"""Writes of /food/: an editor uploads a menu file, or removes one."""

import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from wagtail.models import Site

from accounts.models import User

from .models import MenuFile
from .names import BadName, NoSuchDate, menu_name_parse

# A day's menu is a one-sheet workbook of a few kilobytes; anything near this is not one.
MAX_FILE_BYTES = 5 * 1024 * 1024
# Unpacked, a workbook of menus stays far below this; more is a zip bomb.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


@transaction.atomic
def menu_file_upload(*, site: Site, upload: UploadedFile, user: User | None = None) -> MenuFile:
    """Publish an uploaded file in /food/ of `site` (letter ГД-1158/01 of 17.05.2021).

    Refused with a message a person can read, before anything is written, unless its
    name is one the monitoring accepts (with a date that exists) and it is a real XLSX
    workbook. A file of the same name is replaced: an editor corrects a menu by uploading
    it again.
    """
    parsed = _checked_name(upload.name)
    _check_workbook(upload, parsed.name)
    existing = MenuFile.objects.select_for_update().filter(site=site, name=parsed.name).first()
    menu = existing or MenuFile(site=site, name=parsed.name)
    old_file = existing.file.name if existing else None
    menu.kind, menu.day, menu.year = parsed.kind, parsed.day, parsed.year
    menu.size = upload.size
    menu.uploaded_at = timezone.now()
    menu.uploaded_by = user if user is not None and user.is_authenticated else None
    upload.seek(0)
    menu.file.save(parsed.name, upload, save=False)
    menu.save()
    if old_file and old_file != menu.file.name:
        storage = menu.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return menu


def menu_file_delete(*, menu: MenuFile) -> None:
    """Take a file out of /food/ (and off the disk, once the row is gone)."""
    name, storage = menu.file.name, menu.file.storage
    menu.delete()
    transaction.on_commit(lambda: storage.delete(name))


def _checked_name(name: str):
    try:
        return menu_name_parse(name)
    except NoSuchDate:
        raise ValidationError(
            _("«%(name)s»: there is no such date."), code="no_such_date", params={"name": name}
        ) from None
    except BadName:
        raise ValidationError(
            _(
                "«%(name)s» is not a name the monitoring accepts. Name the file "
                "YYYY-MM-DD-sm.xlsx (the menu of a day), tmYYYY-sm.xlsx (the typical menu), "
                "kpYYYY-sm.xlsx (the calendar plan) or findex.xlsx."
            ),
            code="bad_name",
            params={"name": name},
        ) from None


def _check_workbook(upload, name: str) -> None:
    refusal = ValidationError(
        _(
            "«%(name)s» is not an Excel workbook (XLSX). Save the menu from Excel or "
            "LibreOffice Calc as «Excel 2007-365 (.xlsx)»."
        ),
        code="not_xlsx",
        params={"name": name},
    )
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("«%(name)s» is larger than %(limit)s MB; a menu file is a few kilobytes."),
            code="too_large",
            params={"name": name, "limit": MAX_FILE_BYTES // (1024 * 1024)},
        )
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if "xl/workbook.xml" not in {member.filename for member in members}:
                raise refusal
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise refusal
        upload.seek(0)
        load_workbook(upload, read_only=True).close()
    except ValidationError:
        raise
    except Exception as e:  # openpyxl and zipfile raise many kinds for a broken file
        raise refusal from e
    finally:
        upload.seek(0)
