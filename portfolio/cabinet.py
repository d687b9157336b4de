"""The portfolio's panel of the personal cabinet (eios/cabinet.py): the pupil's entries by
status and their ready exports; for whoever confirms, how many entries wait."""

from django.db.models import Count

from .models import AchievementStatus, Portfolio, PortfolioExport
from .selectors import confirmation_queue, review_queue
from .services.notify import TOPIC

# Exports listed in the panel: the latest ones are what the person waits for.
EXPORTS_SHOWN = 3


def panel_context(request) -> dict | None:
    user = request.user
    portfolio = Portfolio.objects.filter(pupil=user).first()
    statuses = {}
    exports = []
    if portfolio is not None:
        statuses = dict(
            portfolio.achievements.values_list("status").annotate(count=Count("pk")).order_by()
        )
        exports = list(
            PortfolioExport.objects.filter(owner=user).order_by("-created_at")[:EXPORTS_SHOWN]
        )
    waiting = len(confirmation_queue(user))
    to_review = len(review_queue(user))
    if portfolio is None and not waiting and not to_review:
        return None
    return {
        "portfolio": portfolio,
        "counts": [(status.label, statuses.get(status.value, 0)) for status in AchievementStatus],
        "exports": [
            {"url": export.get_absolute_url(), "name": str(export), "at": export.created_at}
            for export in exports
        ],
        "waiting": waiting,
        "to_review": to_review,
    }


TOPICS = (TOPIC,)
