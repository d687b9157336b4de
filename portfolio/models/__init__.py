from .achievements import (
    Achievement,
    AchievementKind,
    AchievementResult,
    AchievementSource,
    AchievementStatus,
    Evidence,
    Level,
    Portfolio,
    Sphere,
)
from .exports import ExportFormat, PortfolioExport
from .imports import ColumnMapping, ImportBatch
from .sharing import ShareLink, ShareOpening
from .works import Review, ReviewRevision, Work, WorkKind, WorkSnapshot

__all__ = [
    "Achievement",
    "AchievementKind",
    "AchievementResult",
    "AchievementSource",
    "AchievementStatus",
    "ColumnMapping",
    "Evidence",
    "ExportFormat",
    "ImportBatch",
    "Level",
    "Portfolio",
    "PortfolioExport",
    "Review",
    "ReviewRevision",
    "ShareLink",
    "ShareOpening",
    "Sphere",
    "Work",
    "WorkKind",
    "WorkSnapshot",
]
