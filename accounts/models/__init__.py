from .blocks import Block, BlockKind
from .classes import ClassMembership, SchoolClass
from .departments import SubjectDepartment
from .orders import AppliedOrderError, Order, OrderKind, OrderLine
from .people import AccountStateError, Appointment, Position, User
from .sessions import UserSession
from .terms import TermsAcceptance, TermsVersion

__all__ = [
    "AccountStateError",
    "AppliedOrderError",
    "Appointment",
    "Block",
    "BlockKind",
    "ClassMembership",
    "Order",
    "OrderKind",
    "OrderLine",
    "Position",
    "SchoolClass",
    "SubjectDepartment",
    "TermsAcceptance",
    "TermsVersion",
    "User",
    "UserSession",
]
