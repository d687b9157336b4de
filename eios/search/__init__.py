"""Site search in Russian word forms (SPEC §1): the backend and the words it works with."""

from .words import excerpt, highlight, stem, stem_text, stems

__all__ = ["excerpt", "highlight", "stem", "stem_text", "stems"]
