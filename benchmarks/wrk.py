"""wrk as the load generator: installed on demand, results read from p95.lua's line."""

import os
import resource
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("p95.lua")
THREADS = 2  # one per core of the target box; wrk is event-driven, more threads do not help


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    non2xx: int  # wrk counts status >= 400 here; 3xx shows up in the warm-up status instead
    socket_errors: int  # connect + read + write + timeout
    cpu_seconds: float  # wrk's own user + system time: it shares the cores with the server


def ensure_installed() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() != 0:
        raise SystemExit("bench: wrk is not installed; run `sudo apt-get install -y wrk`.")
    print("bench: installing wrk (apt-get install -y wrk) ...", flush=True)
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    if subprocess.run(install, check=False).returncode:
        # A fresh container has no package lists yet.
        subprocess.run(["apt-get", "update", "-q"], check=True)
        subprocess.run(install, check=True)
    path = shutil.which("wrk")
    if not path:
        raise SystemExit("bench: apt-get did not install wrk.")
    return path


def _parse(output: str) -> dict[str, float]:
    for line in output.splitlines():
        if line.startswith("BENCH "):
            return {key: float(value) for key, value in (p.split("=") for p in line.split()[1:])}
    raise ValueError(f"no BENCH line in wrk output:\n{output}")


def script_with_p95(script: Path, into: Path) -> Path:
    """A request-building script with p95.lua's summary line appended."""
    into.write_text(script.read_text() + "\n" + SCRIPT.read_text())
    return into


def run(
    wrk: str,
    url: str,
    connections: int,
    duration: int,
    *,
    script: Path = SCRIPT,
    headers: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
) -> WrkResult:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    header_args = [
        arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")
    ]
    completed = subprocess.run(
        [
            wrk,
            # wrk wants at least one connection per thread.
            f"-t{min(THREADS, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            *header_args,
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    values = _parse(completed.stdout)
    return WrkResult(
        requests=int(values["requests"]),
        seconds=values["seconds"],
        rps=values["rps"],
        p50_ms=values["p50_ms"],
        p95_ms=values["p95_ms"],
        p99_ms=values["p99_ms"],
        max_ms=values["max_ms"],
        non2xx=int(values["non2xx"]),
        socket_errors=int(values["connect"] + values["read"] + values["write"] + values["timeout"]),
        cpu_seconds=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
    )
