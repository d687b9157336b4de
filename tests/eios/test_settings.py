import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    # Only what the test sets: nothing of the test run's own configuration leaks in.
    project = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(project)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_profile_passes_the_deployment_check_with_no_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="eios.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="school.example.ru",
        REDIS_URL="redis://127.0.0.1:6379/11",
        # The library's external-library credentials under their own key (README «Library»).
        LIBRARY_CREDENTIAL_KEYS=Fernet.generate_key().decode(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_profile_refuses_to_start_without_a_strong_secret_key():
    for key in ({}, {"SECRET_KEY": "short"}):
        result = _manage(
            "check",
            DJANGO_SETTINGS_MODULE="eios.settings.production",
            ALLOWED_HOSTS="school.example.ru",
            REDIS_URL="redis://127.0.0.1:6379/11",
            **key,
        )
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr


def test_production_profile_refuses_to_start_without_redis():
    # Login rate limits kept in one worker's memory would not stop a guesser.
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="eios.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="school.example.ru",
    )
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr
