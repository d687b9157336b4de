"""A problem of an import names where it is: the record (and its row) and the field."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"field": self.field, "message": str(self.message)}


@dataclass
class SourceRecord:
    """One record as a reader found it: its number in the file, its row in a spreadsheet,
    the raw values by canonical field name, and what the reader already found wrong."""

    number: int
    row: int | None
    values: dict
    problems: list[Problem]
