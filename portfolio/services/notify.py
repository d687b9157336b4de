from django.db import transaction

from eios.kept import changed

from ..selectors import class_teachers_of

TOPIC = "portfolio"


def portfolio_changed(pupil) -> None:
    """The pupil's portfolio page and cabinet panel, and the panels of those who confirm
    for them, are stale (after the commit: a rolled-back change leaves the kept copies
    right)."""

    def notify():
        changed(TOPIC, user=pupil)
        for teacher in class_teachers_of(pupil):
            changed(TOPIC, user=teacher)

    transaction.on_commit(notify)
