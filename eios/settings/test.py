"""Test run: the development profile with fast hashing and no stale page cache between tests."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["*"]
# A test changes pages inside one transaction, where the commit that moves the content
# generation on never comes; tests of the fragment cache switch it on and commit.
FRAGMENT_CACHE_ENABLED = False
# An app of the tests' own that joins access control by registration alone (tests/toyapp/).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.toyapp"]  # noqa: F405
