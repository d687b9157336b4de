"""The toy app's cabinet panel: the clubs a person leads, kept until a club changes.

Registered by the tests that show it (`hooks.register_temporarily`), so that the
cabinet's other tests count only the product's own panels."""

from django.db.models.signals import post_save

from eios.cabinet import Panel, changed

from .models import Club


def _clubs(request) -> dict | None:
    clubs = list(Club.objects.filter(leader=request.user).order_by("name"))
    return {"clubs": clubs} if clubs else None


CLUBS_PANEL = Panel(
    name="toyapp.clubs",
    order=50,
    template="toyapp/cabinet_clubs.html",
    context=_clubs,
    queries=1,
    topics=("clubs",),
)


def clubs_panel():
    return CLUBS_PANEL


def _club_saved(sender, instance, **kwargs):
    if instance.leader_id:
        changed("clubs", user=instance.leader)


def cabinet_invalidation_connect() -> None:
    post_save.connect(_club_saved, sender=Club, dispatch_uid="toyapp-club-saved")
