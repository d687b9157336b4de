"""Every CSV the product writes (issue 10, item 7; OWASP «CSV injection»).

Wagtail writes all our spreadsheets — the audit log, its own reports (site history,
locked and ageing pages, workflows), redirects, any viewset given `list_export` — through
`SpreadsheetExportMixin`. There is no setting for its CSV writer, so the core replaces
that writer once, at start-up, with this one:

- a Russian Excel opens it by double-click: UTF-8 with a byte-order mark, `;` between
  cells, CRLF between lines;
- no cell can run as a formula. A spreadsheet runs a cell that starts with `=`, `+`, `-`,
  `@`, tab or CR. The csv module quotes a cell holding `;`, but a spreadsheet that splits
  on `,` (another locale, or LibreOffice asked to) does not see those quotes where they
  matter, and splits `x,=cmd` inside one cell. So every place where a cell could start
  for either separator — the start, after `;` or `,`, after a line break, past quotes
  and spaces — is defused with an apostrophe, as spreadsheets themselves mark text.
  The price: a text such as «-5» or «+7 861 …» shows its apostrophe.

Excel files (xlsx) need none of this: openpyxl writes every cell as a typed value and
Wagtail turns anything that looks like a formula back into text.
"""

import csv
import re
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

BOM = "\ufeff"
DELIMITER = ";"
# A place where a spreadsheet may start a cell, then what would make that cell a formula.
_FORMULA_AT_CELL_START = re.compile(r'(^|[;,\r\n])([ "]*)(?=[=+\-@\t\r])')


def cell_safe(value: object) -> str:
    """The text of one cell, with every formula start neutralised."""
    text = "" if value is None else str(value)
    return _FORMULA_AT_CELL_START.sub(r"\1\2'", text)


class _Line:
    """The csv writer's file: hands each written line back, encoded."""

    def write(self, line: str) -> bytes:
        return line.encode()


def csv_lines(headings: Iterable[object], rows: Iterable[Iterable[object]]) -> Iterator[bytes]:
    """The CSV file as encoded lines: BOM, headings, then every row, each cell defused."""
    writer = csv.writer(_Line(), delimiter=DELIMITER)
    yield BOM.encode()
    yield writer.writerow([cell_safe(cell) for cell in headings])
    for row in rows:
        yield writer.writerow([cell_safe(cell) for cell in row])


def _stream_csv(view, queryset):
    fields = view.list_export
    rows = (
        (
            view.preprocess_field_value(field, value, view.FORMAT_CSV)
            for field, value in view.to_row_dict(item).items()
        )
        for item in queryset
    )
    return csv_lines((view.get_heading(queryset, field) for field in fields), rows)


def _write_csv_response(view, queryset):
    response = StreamingHttpResponse(
        _stream_csv(view, queryset), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{view.get_filename()}.csv"'
    return response


def spreadsheet_exports_install() -> None:
    """Make Wagtail's CSV export ours (called once from `EiosConfig.ready`)."""
    SpreadsheetExportMixin.stream_csv = _stream_csv
    SpreadsheetExportMixin.write_csv_response = _write_csv_response
