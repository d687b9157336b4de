from django.urls import path

from .views import cabinet, classes, terms

urlpatterns = [
    path("", cabinet.cabinet, name="cabinet"),
    path("logout-everywhere/", cabinet.logout_everywhere, name="logout_everywhere"),
    path("block/", cabinet.block_self, name="block_self"),
    path("pupils/<int:user_id>/block/", cabinet.block_pupil, name="block_pupil"),
    path("classes/<int:class_id>/", classes.class_detail, name="class_detail"),
    path("classes/<int:class_id>/slips/", classes.credential_slips, name="credential_slips"),
    path("classes/<int:class_id>/list/", classes.class_list_upload, name="class_list_upload"),
    path("terms/accept/", terms.accept, name="terms_accept"),
]
