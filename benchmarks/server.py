"""gunicorn under test: started per scenario, always stopped (also on Ctrl-C)."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .cpu import process_seconds
from .environment import BENCH_DIR, ROOT

HOST = "127.0.0.1"
START_TIMEOUT = 60
STOP_TIMEOUT = 15


@dataclass(frozen=True)
class ServerOptions:
    workers: int
    worker_class: str
    threads: int
    max_requests: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Gunicorn:
    """`with Gunicorn(env, options, log_name) as server:` serves eios.wsgi on a free port."""

    def __init__(self, variables: dict[str, str], options: ServerOptions, log_name: str):
        self.variables = variables
        self.options = options
        self.port = free_port()
        self.base_url = f"http://{HOST}:{self.port}"
        self.log_path = BENCH_DIR / f"gunicorn-{log_name}.log"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        options = self.options
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "eios.wsgi",
            f"--bind={HOST}:{self.port}",
            f"--workers={options.workers}",
            f"--worker-class={options.worker_class}",
            f"--threads={options.threads}",
            # Heartbeat files on tmpfs: on a slow disk they stall workers (gunicorn docs, FAQ).
            "--worker-tmp-dir=/dev/shm",
            # No --access-logfile: gunicorn then writes no access log, as behind a proxy
            # that keeps its own; a log line per request would be part of the measurement.
        ]
        if options.max_requests:
            command += [
                f"--max-requests={options.max_requests}",
                f"--max-requests-jitter={options.max_requests // 10}",
            ]
        return command

    def __enter__(self) -> "Gunicorn":
        self.log_path.unlink(missing_ok=True)
        # Its own session: Ctrl-C in the terminal reaches only this harness, which then
        # stops gunicorn in order instead of leaving half-killed workers behind.
        # gunicorn's own log and Django's console logging (e.g. "Not Found: ..." for
        # every request to a missing page) both go to stderr: into the file, off the report.
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env=self.variables,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_until_answering()
        except BaseException:  # also Ctrl-C while gunicorn is still starting
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _wait_until_answering(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._fail(f"gunicorn exited with status {self.process.returncode}")
            try:
                with socket.create_connection((HOST, self.port), timeout=1) as connection:
                    connection.sendall(f"HEAD / HTTP/1.0\r\nHost: {HOST}\r\n\r\n".encode())
                    if connection.recv(12).startswith(b"HTTP/"):
                        return
            except OSError:
                pass
            time.sleep(0.2)
        self._fail(f"gunicorn did not answer within {START_TIMEOUT} s")

    def _fail(self, message: str) -> None:
        self.stop()
        log = self.log_path.read_text() if self.log_path.exists() else ""
        sys.stderr.write(log[-4000:])
        raise SystemExit(f"bench: {message}; log: {self.log_path}")

    def pids(self) -> set[int]:
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return {master, *map(int, children)}

    def cpu_seconds(self) -> float:
        """CPU used so far by the master and every worker, including recycled ones."""
        master = self.process.pid
        total = process_seconds(master, with_reaped_children=True)
        for pid in self.pids() - {master}:
            # A worker recycled between the two reads is counted in the master's cutime.
            with contextlib.suppress(FileNotFoundError):
                total += process_seconds(pid, with_reaped_children=False)
        return total

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # SIGTERM is gunicorn's graceful shutdown; SIGKILL to the group if it hangs.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
