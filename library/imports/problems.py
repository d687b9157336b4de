"""A problem of an import names where it is: the record (and its row) and the field."""

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"field": self.field, "message": str(self.message)}

    def __post_init__(self):
        # Kept as JSON: the text in the language of the person who staged the file.
        object.__setattr__(self, "message", str(self.message))


@dataclass
class SourceRecord:
    """One record as a reader found it: its number in the file, its row in a spreadsheet,
    the raw values by canonical field name, and what the reader already found wrong."""

    number: int
    row: int | None
    values: dict
    problems: list[Problem]
    # How the file names each field (a column's heading, a MARC tag): problems use it.
    names: dict = dataclasses.field(default_factory=dict)
