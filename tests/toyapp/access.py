"""The club as a kind of element, and its leader's post."""

from django.db.models import Q

from eios.access import Action, Closure, Element, Restriction, Tie, register_element, register_tie

from .models import Club


class ClubElement(Element):
    label = "toyapp.club"
    kind_name = "club"

    def restriction(self, club):
        return Restriction(Closure.RESTRICTED)


class ClubLeaderTie(Tie):
    """The leader changes their club (its list of members)."""

    action = Action.CHANGE
    post = "club leader"

    def holds(self, user, club):
        return club.leader_id == user.pk

    def q(self, user):
        return Q(leader=user)

    def holders(self, club):
        leader = club.leader
        return [(leader, self.post)] if leader is not None and leader.is_active else []

    def held(self, user):
        return [(club, self.post) for club in Club.objects.filter(leader=user)]


def access_elements_register() -> None:
    register_element(ClubElement())
    register_tie(ClubElement.label, ClubLeaderTie())
