from django.urls import path

from . import views

urlpatterns = [
    path("", views.food_index, name="food_index"),
    path("<str:name>", views.food_file, name="food_file"),
]
