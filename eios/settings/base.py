"""Settings shared by every profile. Everything site-specific comes from the environment."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-key-never-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "eios",
    "accounts",
    "cms",
    "cms.sveden",
    "cms.food",
    "portfolio",
    "library",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.wagtail_users.UsersAdminConfig",  # wagtail.users without deleting people
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "guardian",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the request: see eios/nul.py.
    "eios.nul.NulRefusingMiddleware",
    # Anonymous page views are answered from the page cache before any
    # session, CSRF or database work (see eios/pagecache.py).
    "eios.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "eios.sites.CachedSiteMiddleware",
    "eios.locale.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Rich text learns who reads it (links to closed documents, eios/access/documents.py).
    "eios.access.documents.VisitorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AccountChecksMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "eios.urls"
WSGI_APPLICATION = "eios.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "eios" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_look",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")


def _redis(offset: int) -> dict:
    # One Redis, neighbouring logical databases from the one in REDIS_URL: the page
    # cache can be dropped without touching sessions or rate-limit counters.
    base, _, number = REDIS_URL.rstrip("/").rpartition("/")
    if not number.isdigit():
        base, number = REDIS_URL.rstrip("/"), "0"
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": f"{base}/{int(number) + offset}",
    }


if REDIS_URL:
    CACHES = {"default": _redis(0), "pages": _redis(1), "renditions": _redis(2)}
    SESSION_ENGINE = "eios.session_store"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Site, school requisites, menus and navigation kept per content generation (eios/fragments.py).
FRAGMENT_CACHE_ENABLED = env.bool("FRAGMENT_CACHE_ENABLED", default=True)
# Cabinet panels' data per person, kept until what it shows changes (eios/cabinet.py).
CABINET_CACHE = "default"
CABINET_CACHE_SECONDS = env.int("CABINET_CACHE_SECONDS", default=3600)

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")

# Background jobs (eios/jobs.py): run inside the request that starts them unless a worker
# serves the database queue (`TASKS_BACKEND=database` and `manage.py db_worker`).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env("TASKS_BACKEND", default="immediate")]}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginBackend",
    "guardian.backends.ObjectPermissionBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "cabinet"
# Every login form is allauth's, whose rate limits stop password guessing.
WAGTAILADMIN_LOGIN_URL = "account_login"
# Passwords and addresses change only through allauth and our services (forced change,
# sessions ended, audit; an address counts once confirmed): Wagtail's account page and its
# password reset would go round all of it.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
ANONYMOUS_USER_NAME = None  # guardian: anonymous visitors hold no object permissions

# allauth: accounts come from orders, never from sign-up (regulation §6.5); login by
# username (pupils rarely have e-mail) or by an address its owner confirmed.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
MFA_ADAPTER = "accounts.mfa.MFAAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "user_token": "accounts.forms.UserTokenForm",
}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
# allauth's «verification» is whether logging in requires a confirmed address: never. An
# address a person adds is still sent a link, and logs in or receives reset links only
# once confirmed through it (accounts/selectors.py).
ACCOUNT_EMAIL_VERIFICATION = "none"
# …which is the only place a person changes their address: Wagtail's account page would
# set it unconfirmed.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Reset keys die with a block, even once the account is unblocked (regulation §12.2).
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = "accounts.tokens.PasswordResetTokenGenerator"  # noqa: S105
# Guessing is stopped per account (accounts/services/throttle.py); a whole school shares
# one address, so the per-address limit counts failures only and just stops floods.
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=10)
LOGIN_LOCK_MINUTES = env.int("LOGIN_LOCK_MINUTES", default=15)
LOGIN_FAILURES_PER_ADDRESS_PER_MINUTE = env.int(
    "LOGIN_FAILURES_PER_ADDRESS_PER_MINUTE", default=300
)
# allauth's own login limits are replaced by those counters (None: off; a missing key
# would bring allauth's defaults back).
ACCOUNT_RATE_LIMITS = {"login": None, "login_failed": None}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="ЭИОС")

# Idle and absolute session expiry (SPEC §3), enforced by accounts.middleware.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_HOURS", default=12) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Length and common passwords only: no composition rules (NIST SP 800-63B §5.1.1.2).

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="eios@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "ЭИОС"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_DOCUMENT_MODEL = "cms.SchoolDocument"
WAGTAILIMAGES_IMAGE_MODEL = "cms.SchoolImage"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# «Privacy» of pages and collections offers signed-in users and positions (groups) only:
# a shared password is not a personal access level (eios/access/elements.py).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Wagtail's database search with Russian word forms on SQLite and PostgreSQL alike.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "eios.search.backend"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Attributes of the federal microdata are camelCase; page slugs follow them.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# /food/ (Минпросвещения letter ГД-1158/01): a day's menu is due in the folder by this hour
# of the day before (school's time zone), for the days of the week (ISO, 1 = Monday) that
# have school meals. `manage.py food_check` and the admin's home page say when it is late.
FOOD_MENU_DEADLINE_HOUR = env.int("FOOD_MENU_DEADLINE_HOUR", default=18)
FOOD_MENU_WEEKDAYS = [
    int(day) for day in env.list("FOOD_MENU_WEEKDAYS", default=["1", "2", "3", "4", "5"])
]

# Outbound checks of platform addresses never hang the command.
PLATFORM_LINK_TIMEOUT = env.float("PLATFORM_LINK_TIMEOUT", default=5.0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Saving any of these changes what public pages show, so the page cache is dropped.
PAGE_CACHE_INVALIDATING_MODELS = [
    "eios.School",
    "cms.SiteLook",
    "cms.Platform",
    "cms.SchoolDocument",
    # An image given a new file gets new sizes at new addresses (the emblem in the header).
    "cms.SchoolImage",
    "food.MenuFile",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    # A collection's «Privacy» moves its images' sizes to another address.
    "wagtailcore.CollectionViewRestriction",
]
