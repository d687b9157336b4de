"""`make bench`: requests per second and latency of public pages under gunicorn.

    python -m benchmarks.run [--duration 15] [--connections 16] [--workers 2]
                             [--students N] [--only NAME] [--json PATH] [--drop]

A measurement, not a test: the exit status is 0 when targets are missed (the report
says which); it is non-zero only when the benchmark itself could not run.
See benchmarks/README.md.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from . import cpu, hashing, wrk
from .environment import BENCH_DIR, DATABASE_NAME, ROOT, Environment, prepare
from .report import Row, failures, table, write_json
from .scenarios import SCENARIOS, Page, Scenario, csrf_pair, get, session_cookie
from .server import Gunicorn, ServerOptions
from .students import PASSWORD

WARM_UP_REQUESTS = 3
WARM_UP_SECONDS = 3
# Cores already busy before the benchmark starts: another process competing for the CPU.
BUSY_BOX_WARNING = 0.25


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measured URL")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers, one a core")
    parser.add_argument(
        "--worker-class", default="sync", help="gunicorn worker class (sync, gthread)"
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=0,
        help="recycle a worker after N requests (0: never; see README on why it is off)",
    )
    parser.add_argument("--students", type=int, help="passed to `manage.py load_demo --students`")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="a scenario or page name; repeatable (e.g. --only cached --only home)",
    )
    parser.add_argument(
        "--database",
        default=DATABASE_NAME,
        help=f"PostgreSQL database to drop, recreate and measure (default {DATABASE_NAME})",
    )
    parser.add_argument(
        "--redis-db",
        type=int,
        help="first of the three Redis databases to flush and use (default: the highest three)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--drop", action="store_true", help="drop the benchmark database afterwards"
    )
    return parser.parse_args(argv)


def select(only: list[str]) -> list[tuple[Scenario, tuple[Page, ...]]]:
    scenario_names = {scenario.name for scenario in SCENARIOS}
    page_names = {page.name for scenario in SCENARIOS for page in scenario.pages}
    unknown = set(only) - scenario_names - page_names
    if unknown:
        raise SystemExit(
            f"bench: unknown --only {', '.join(sorted(unknown))}; "
            f"scenarios: {', '.join(sorted(scenario_names))}; "
            f"pages: {', '.join(sorted(page_names))}"
        )
    wanted_scenarios = set(only) & scenario_names or scenario_names
    wanted_pages = set(only) & page_names or page_names
    return [
        (scenario, tuple(page for page in scenario.pages if page.name in wanted_pages))
        for scenario in SCENARIOS
        if scenario.name in wanted_scenarios
    ]


def _as_whom(page: Page, path: str) -> str:
    """The page as benchmarks.querycount takes it: signed-in pages as the demo pupil."""
    return f"student@{path}" if page.signed_in else path


def query_costs(variables: dict[str, str], paths: list[str]) -> dict[str, dict]:
    if not paths:
        return {}
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.querycount", *paths],
        cwd=ROOT,
        env=variables,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode:
        # Query counts are a bonus column; the load measurement still stands without them.
        sys.stderr.write(f"bench: query count failed:\n{completed.stderr[-2000:]}\n")
        return {}
    return json.loads(completed.stdout)


def warm_up(
    server: Gunicorn, wrk_path: str, path: str, connections: int, load: dict
) -> tuple[int, str]:
    """Fill per-worker and page caches; returns the last status and X-Page-Cache."""
    for _ in range(WARM_UP_REQUESTS):
        status, headers, _body = get(server.base_url, path, load.get("headers"))
    wrk.run(wrk_path, server.base_url + path, connections, WARM_UP_SECONDS, **load)
    return status, headers.get("X-Page-Cache", "-")


def students_prepare(environment: Environment) -> Path:
    """The pupils' bench password and list, made once per fresh database; the signed-in
    pupil needs them as much as the login storm (either may be measured alone)."""
    students = BENCH_DIR / "students.txt"
    if not students.exists():
        subprocess.run(
            [sys.executable, "-m", "benchmarks.students", "prepare", str(students)],
            cwd=ROOT,
            env=environment.variables,
            check=True,
            capture_output=True,
        )
    return students


def page_load(page: Page, server: Gunicorn, environment: Environment) -> dict:
    """How wrk requests the page: anonymous, as the signed-in demo pupil, or by a script."""
    if page.signed_in:
        students_prepare(environment)
        return {"headers": {"Cookie": session_cookie(server.base_url, "student", PASSWORD)}}
    if page.script:
        students = students_prepare(environment)
        script = Path(__file__).with_name(page.script)
        return {
            "script": wrk.script_with_p95(script, BENCH_DIR / page.script),
            "env": {
                "BENCH_STUDENTS": str(students),
                "BENCH_CSRF": csrf_pair(server.base_url),
                "BENCH_PASSWORD": PASSWORD,
            },
        }
    return {}


def logins_since(environment: Environment, since: str) -> str:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.students", "count", since],
        cwd=ROOT,
        env=environment.variables,
        check=True,
        capture_output=True,
        text=True,
    )
    succeeded, failed = completed.stdout.split()
    return f"{succeeded} successful logins, {failed} failed"


def run_scenario(
    scenario: Scenario,
    pages: tuple[Page, ...],
    environment: Environment,
    options: ServerOptions,
    args: argparse.Namespace,
    wrk_path: str,
    paths: dict[str, str | None],
    rows: list[Row],
) -> None:
    variables = {**environment.variables, **scenario.env}
    connections = scenario.connections or args.connections
    print(f"bench: scenario {scenario.name}: {scenario.description}", flush=True)
    with Gunicorn(variables, options, scenario.name) as server:
        for page in pages:
            if page.name not in paths:
                paths[page.name] = page.resolve(server.base_url)
        costs = query_costs(variables, [_as_whom(p, paths[p.name]) for p in pages if paths[p.name]])
        for page in pages:
            path = paths[page.name]
            row = Row(scenario.name, page.name, path, None, "-", page.target or scenario.target)
            if path:
                load = page_load(page, server, environment)
                row.status, row.page_cache = warm_up(server, wrk_path, path, connections, load)
                server_before, box_before = server.cpu_seconds(), cpu.box_busy_seconds()
                stolen_before = cpu.stolen_seconds()
                processes_before = cpu.processes()
                started = datetime.datetime.now(datetime.UTC).isoformat()
                row.wrk = wrk.run(
                    wrk_path, server.base_url + path, connections, args.duration, **load
                )
                row.server_cpu_seconds = server.cpu_seconds() - server_before
                row.box_cpu_seconds = cpu.box_busy_seconds() - box_before
                row.stolen_seconds = cpu.stolen_seconds() - stolen_before
                row.other_cpu_seconds = cpu.used_between(
                    processes_before, cpu.processes(), exclude=server.pids() | {os.getpid()}
                )
                # Counted after the readings: the count is a Django process of its own,
                # whose start-up put the box above its 200 % (236–242 % on 2026-12-01).
                if page.script:
                    print(f"bench: {page.name}: {logins_since(environment, started)}", flush=True)
                cost = costs.get(_as_whom(page, path), {})
                row.queries, row.app_ms = cost.get("queries"), cost.get("ms")
            row.judge()
            rows.append(row)
            rps = f"{row.wrk.rps:,.0f} req/s" if row.wrk else "not measured"
            print(
                f"bench:   {page.name} {path or '?'}: {rps} ({row.verdict}), "
                f"{connections} connection{'s' if connections > 1 else ''}",
                flush=True,
            )


def git_commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.stdout.strip() or "unknown"


def report(meta: dict, rows: list[Row], json_path: Path | None) -> None:
    print()
    for key, value in meta.items():
        print(f"{key:>12}: {value}")
    print()
    print(table(rows))
    print()
    print(
        "cpu srv / wrk / box: gunicorn, wrk and the whole box during the run, in % of one core "
        f"({os.cpu_count()} cores = {100 * os.cpu_count()}%); wrk shares the box with the server."
    )
    print(
        "stolen: time the hypervisor gave this box's cores to other guests, same unit; "
        "what is stolen is missing from the server."
    )
    print("queries / app ms: one request inside Django (test client, no server), same scenario.")
    print("\nOther CPU during each run (% of one core):")
    for row in rows:
        print(f"  {row.scenario} {row.page}: {row.other_cpu_text() or '-'}")
    disturbed = [row for row in rows if row.disturbed_by()]
    if disturbed:
        print("\nWARNING: processes outside the benchmark used CPU; rerun on a quiet box:")
        for row in disturbed:
            print(f"  - {row.scenario} {row.page}: {row.disturbed_by()}")
    stolen = [row for row in rows if row.stolen()]
    if stolen:
        print("\nWARNING: the hypervisor took part of the box; figures are low, rerun later:")
        for row in stolen:
            print(f"  - {row.scenario} {row.page}: {row.cpu_share(row.stolen_seconds)} stolen")
    missed = failures(rows)
    if missed:
        print("\nTARGETS MISSED:")
        for line in missed:
            print(f"  - {line}")
    else:
        print("\nAll targets met.")
    if json_path:
        write_json(json_path, meta, rows)
        print(f"\nJSON: {json_path}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    selected = select(args.only)
    wrk_path = wrk.ensure_installed()
    environment = prepare(args.students, args.database, args.redis_db)
    options = ServerOptions(args.workers, args.worker_class, args.threads, args.max_requests)
    meta = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": f"{os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}",
        "password hash": hashing.password_check(),
        "database": environment.database,
        "cache": environment.cache,
        "server": f"gunicorn eios.wsgi, {options.workers} {options.worker_class} workers"
        + (f" x {options.threads} threads" if options.worker_class == "gthread" else "")
        + (f", max-requests {options.max_requests}" if options.max_requests else ""),
        "load": f"wrk -t{wrk.THREADS} -c{args.connections} -d{args.duration}s after "
        f"{WARM_UP_REQUESTS} requests + {WARM_UP_SECONDS} s warm-up, same box"
        + "".join(
            f"; {scenario.name}: -t1 -c{scenario.connections}"
            for scenario, _pages in selected
            if scenario.connections
        ),
    }
    busy = cpu.box_busy_share()
    meta["idle box"] = f"{100 * busy:.0f}% of one core busy before the run"
    if busy > BUSY_BOX_WARNING:
        print(f"bench: WARNING: the box is busy ({meta['idle box']}); figures will be low.")
    rows: list[Row] = []
    paths: dict[str, str | None] = {}
    try:
        for scenario, pages in selected:
            run_scenario(scenario, pages, environment, options, args, wrk_path, paths, rows)
    except KeyboardInterrupt:
        print("\nbench: interrupted; partial results:")
        report(meta, rows, None)
        return 130
    finally:
        if args.drop:
            environment.drop()
    report(meta, rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
