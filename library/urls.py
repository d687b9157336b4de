from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<int:pk>/", views.edition, name="edition"),
    path("<int:pk>/file/", views.edition_file, name="edition_file"),
    path("external/", views.credentials, name="credentials"),
    path("external/<int:pk>/", views.credential_show, name="credential_show"),
]
