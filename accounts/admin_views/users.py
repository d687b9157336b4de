"""Wagtail's own Users screen, kept for logins, groups and two-factor settings, but
without the ways around orders and blocking.

Deleting a person would destroy the history the regulation keeps (§6.7), and
switching «active» off there would block without a reason, a record or the end
of the person's sessions. Both go through People (block/unblock with a reason)
and orders instead.
"""

from wagtail.users.forms import UserEditForm
from wagtail.users.views.bulk_actions import DeleteBulkAction, SetActiveStateBulkAction
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class AccountEditForm(UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_active", None)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else super().get_form_class(for_update)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(delete_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if getattr(pattern, "name", None) != "delete"
        ]


class RefusedDeleteBulkAction(DeleteBulkAction):
    def check_perm(self, obj):
        return False


class RefusedSetActiveStateBulkAction(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return False
