# The school, its people and its class as the accounts tests make them.
from tests.accounts.conftest import (  # noqa: F401
    director,
    school,
    school_class,
    student_position,
    teacher,
)
