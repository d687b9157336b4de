from .audit import AuditEvent
from .jobs import Job
from .school import School

__all__ = ["AuditEvent", "Job", "School"]
