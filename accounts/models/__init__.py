from .blocks import Block, BlockKind
from .classes import ClassMembership, SchoolClass
from .departments import SubjectDepartment
from .orders import AppliedOrderError, Order, OrderKind, OrderLine
from .people import Appointment, Position, User
from .sessions import UserSession
from .terms import TermsAcceptance, TermsVersion

__all__ = [
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
