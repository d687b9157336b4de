from .audit import AuditEvent
from .school import School

__all__ = ["AuditEvent", "School"]
