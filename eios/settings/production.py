"""Production: secrets and hosts must come from the environment; HTTPS everywhere.

`SECRET_KEY`, `ALLOWED_HOSTS`, `DATABASE_URL` and `REDIS_URL` are required. Behind a TLS-terminating
proxy set `SECURE_PROXY_SSL_HEADER` via `BEHIND_TLS_PROXY=true`.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 random characters.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not REDIS_URL:  # noqa: F405
    # Login rate limits, sessions and the page cache must be shared by every worker:
    # counters in one process' memory would let a guesser spread tries over workers.
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production (e.g. redis://127.0.0.1:6379/0)."
    )

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Imports and exports must not hold a web worker: a `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env("TASKS_BACKEND", default="database")]}}  # noqa: F405

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405

LOGGING["root"]["level"] = env("LOG_LEVEL", default="INFO")  # noqa: F405
