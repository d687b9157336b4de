from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets[:1],
        (_("Personal info"), {"fields": ("last_name", "first_name", "patronymic", "email")}),
        *BaseUserAdmin.fieldsets[2:],
    )
    list_display = ("username", "last_name", "first_name", "patronymic", "is_staff")
