from .catalogue import (
    GRADES,
    Collection,
    Edition,
    EditionKind,
    ProgrammeEdition,
    SearchTerm,
    match_key,
    normalised,
)
from .external import ExternalCredential, ExternalLibrary, Registration
from .imports import BatchState, ImportBatch, ImportFormat, ImportRecord, RecordStatus

__all__ = [
    "GRADES",
    "BatchState",
    "Collection",
    "Edition",
    "EditionKind",
    "ExternalCredential",
    "ExternalLibrary",
    "ImportBatch",
    "ImportFormat",
    "ImportRecord",
    "ProgrammeEdition",
    "RecordStatus",
    "Registration",
    "SearchTerm",
    "match_key",
    "normalised",
]
