"""A throw-away production-style environment: database, Redis, migrated demo school.

PostgreSQL and Redis are used when they answer on 127.0.0.1 (as in production);
otherwise SQLite and local-memory caches, and the report says so, because the
figures are then not comparable with perf-reliability §A.3.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SQLITE_PATH = BENCH_DIR / "bench.sqlite3"

PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
DATABASE_NAME = "eios_bench"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
# The settings use REDIS_URL's database and the next two (default, pages, renditions).
# The benchmark takes the highest three, away from database 0 where a real site lives.
REDIS_DATABASES_USED = 3
REDIS_PREFERRED_FIRST = 14

# Production settings refuse shorter keys; this one only ever signs throw-away data.
SECRET_KEY = "bench-only-" + "x" * 53


@dataclass
class Environment:
    variables: dict[str, str]
    postgres: bool
    database: str
    cache: str
    database_name: str = DATABASE_NAME

    def manage(self, *args: str) -> None:
        command = [sys.executable, str(ROOT / "manage.py"), *args]
        completed = subprocess.run(
            command, cwd=ROOT, env=self.variables, capture_output=True, text=True
        )
        if completed.returncode:
            sys.stderr.write(completed.stdout + completed.stderr)
            raise SystemExit(f"bench: `manage.py {' '.join(args)}` failed")

    def drop(self) -> None:
        if self.postgres:
            _pg_execute(f"DROP DATABASE IF EXISTS {self.database_name} WITH (FORCE)")
        else:
            SQLITE_PATH.unlink(missing_ok=True)


def _pg_execute(sql: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", connect_timeout=3, autocommit=True, **PG) as conn:
        conn.execute(sql)


def _postgres_database(name: str) -> str | None:
    import psycopg

    try:
        _pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except psycopg.OperationalError:
        return None
    _pg_execute(f"CREATE DATABASE {name}")
    return f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"


def _redis_url(first: int | None) -> str | None:
    import redis

    client = redis.Redis(REDIS_HOST, REDIS_PORT, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        return None
    try:
        available = int(client.config_get("databases")["databases"])
    except (redis.ResponseError, KeyError):
        available = 16  # CONFIG may be disabled on a hardened Redis; 16 is the default.
    # Redis has 16 databases (0-15) unless configured otherwise: 14 would make the
    # renditions cache database 16, which does not exist.
    if first is None:
        first = min(REDIS_PREFERRED_FIRST, available - REDIS_DATABASES_USED)
    if first < 1 or first + REDIS_DATABASES_USED > available:
        return None
    for number in range(first, first + REDIS_DATABASES_USED):
        # Stale pages or a stale cache generation from an earlier run would skew the warm-up.
        redis.Redis(REDIS_HOST, REDIS_PORT, db=number).flushdb()
    return f"redis://{REDIS_HOST}:{REDIS_PORT}/{first}"


def prepare(
    students: int | None, database_name: str = DATABASE_NAME, redis_first: int | None = None
) -> Environment:
    """Fresh database and caches, migrated, with the demo school and collected static files.

    `database_name` and `redis_first` let several people share one PostgreSQL and Redis:
    the named database is dropped and recreated, the three Redis databases flushed."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    # Media belong to the dropped database; keeping them would only pile up files.
    shutil.rmtree(BENCH_DIR / "media", ignore_errors=True)
    # The pupils of the login storm get their password in the new database: a list left by
    # an earlier run would name pupils whose password was never set here.
    (BENCH_DIR / "students.txt").unlink(missing_ok=True)

    variables = dict(os.environ)
    variables.update(
        DJANGO_SETTINGS_MODULE="eios.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(BENCH_DIR / "static"),
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        # Explicit values so a developer's shell or .env cannot change what is measured.
        DEBUG="false",
        ELASTICSEARCH_URL="",
        PAGE_CACHE_ENABLED="true",
    )

    database_url = _postgres_database(database_name)
    if database_url:
        database = f"postgresql {database_name} on {PG['host']}:{PG['port']}"
    else:
        SQLITE_PATH.unlink(missing_ok=True)
        database_url = f"sqlite:///{SQLITE_PATH}"
        database = f"sqlite {SQLITE_PATH.relative_to(ROOT)} (PostgreSQL not reachable)"
    variables["DATABASE_URL"] = database_url

    redis_url = _redis_url(redis_first)
    variables["REDIS_URL"] = redis_url or ""
    cache = (
        f"redis {redis_url} (+2 databases)"
        if redis_url
        else "local memory per worker (Redis not reachable)"
    )

    environment = Environment(
        variables, bool(database_url.startswith("postgres")), database, cache, database_name
    )
    print(f"bench: database {database}; cache {cache}", flush=True)
    print("bench: migrate, load_demo, collectstatic ...", flush=True)
    environment.manage("migrate", "--noinput")
    environment.manage("load_demo", *(["--students", str(students)] if students else []))
    environment.manage("collectstatic", "--noinput")
    return environment
