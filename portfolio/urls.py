from django.urls import path

from .views import achievements, exports, imports, pages, sharing, works

app_name = "portfolio"

urlpatterns = [
    path("", pages.home, name="home"),
    path("pupils/<int:pupil_id>/", pages.pupil, name="pupil"),
    path("pupils/<int:pupil_id>/showcase/", pages.showcase, name="showcase"),
    path("pupils/<int:pupil_id>/achievements/add/", achievements.add, name="achievement_add"),
    path("pupils/<int:pupil_id>/works/add/", works.add, name="work_add"),
    path("pupils/<int:pupil_id>/links/", sharing.create, name="share_create"),
    path("achievements/<int:pk>/", achievements.detail, name="achievement"),
    path("achievements/<int:pk>/edit/", achievements.edit, name="achievement_edit"),
    path("achievements/<int:pk>/submit/", achievements.submit, name="achievement_submit"),
    path("achievements/<int:pk>/confirm/", achievements.confirm, name="achievement_confirm"),
    path("achievements/<int:pk>/return/", achievements.return_, name="achievement_return"),
    path("achievements/<int:pk>/correct/", achievements.correct, name="achievement_correct"),
    path("evidence/<int:pk>/", achievements.evidence_file, name="evidence"),
    path("works/<int:pk>/", works.detail, name="work"),
    path("works/<int:pk>/edit/", works.edit, name="work_edit"),
    path("works/<int:pk>/send/", works.send, name="work_send"),
    path("works/<int:pk>/file/", works.work_file, name="work_file"),
    path("copies/<int:pk>/file/", works.snapshot_file, name="snapshot_file"),
    path("reviews/<int:pk>/edit/", works.review_edit, name="review_edit"),
    path("links/<int:pk>/revoke/", sharing.revoke, name="share_revoke"),
    path("shared/<str:token>/", sharing.shared, name="shared"),
    path("classes/<int:class_id>/", pages.overview, name="class_overview"),
    path("confirmations/", pages.confirmations, name="confirmations"),
    path("reviews/", pages.reviews, name="review_queue"),
]

urlpatterns += [
    path("pupils/<int:pupil_id>/export/<str:format>/", exports.start, name="export_start"),
    path("exports/<int:pk>/", exports.download, name="export"),
]

urlpatterns += [
    path("import/", imports.upload, name="import"),
    path("imports/<int:pk>/", imports.batch, name="import_batch"),
    path("imports/<int:pk>/undo/", imports.undo, name="import_undo"),
]
