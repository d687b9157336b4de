"""CPU accounting from /proc: who used the 2 cores while wrk was running.

wrk, gunicorn, PostgreSQL and Redis share the box, and so does anything else that
happens to run (another developer's test suite halves the figures). The report shows
gunicorn's and wrk's share next to the whole box's, so the difference is visible.
"""

import contextlib
import os
import time
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
KERNEL = "[kernel]"  # kernel threads (no command line): softirq work for loopback TCP etc.
# Part of the system under test; anything else using CPU during a run disturbs it.
STACK = frozenset({"postgres", "redis-server", KERNEL})


def process_seconds(pid: int, with_reaped_children: bool) -> float:
    # /proc/<pid>/stat fields 14-17: utime, stime, cutime, cstime (after the ")" of comm).
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    ticks = int(fields[11]) + int(fields[12])
    if with_reaped_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / CLOCK_TICKS


def _box_ticks() -> list[int]:
    # First line: cpu user nice system idle iowait irq softirq steal ...
    return [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]


def box_busy_seconds() -> float:
    """CPU seconds this box ran anything, summed over all cores: not idle, not waiting
    for I/O, and not stolen (the time the hypervisor gave our cores to other guests)."""
    values = _box_ticks()
    return (sum(values) - values[3] - values[4] - values[7]) / CLOCK_TICKS


def stolen_seconds() -> float:
    """Seconds our virtual cores wanted to run but the hypervisor ran another guest:
    on an oversubscribed host a loaded 2-core box can lose a third of its time, and
    every req/s figure with it, whatever the code does."""
    return _box_ticks()[7] / CLOCK_TICKS


def box_busy_share(seconds: float = 2.0) -> float:
    """How busy the box is right now, in cores (0.0 to the number of cores)."""
    before = box_busy_seconds()
    time.sleep(seconds)
    return (box_busy_seconds() - before) / seconds


def _name(proc: Path) -> str:
    argv = (proc / "cmdline").read_bytes().decode(errors="replace").split("\0")
    if not argv[0]:
        return KERNEL
    comm = (proc / "comm").read_text().strip()
    if not comm.startswith("python"):
        return comm
    # "python" alone does not say whose: another developer's pytest, or our own querycount.
    return " ".join([Path(argv[0]).name, *argv[1:3]]).strip()


def processes() -> dict[int, tuple[str, float]]:
    """Every process's name and CPU seconds so far."""
    found = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            # A process that ends between listing and reading is skipped.
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                found[int(proc.name)] = (
                    _name(proc),
                    process_seconds(int(proc.name), with_reaped_children=False),
                )
    return found


def used_between(
    before: dict[int, tuple[str, float]],
    after: dict[int, tuple[str, float]],
    exclude: set[int],
) -> dict[str, float]:
    """CPU seconds per process name between two snapshots, most first.

    A process that started in between counts with all its time; one that ended in
    between is missed (its time still shows in the box total).
    """
    used: dict[str, float] = {}
    for pid, (name, seconds) in after.items():
        if pid in exclude:
            continue
        delta = seconds - before.get(pid, (name, 0.0))[1]
        if delta > 0:
            used[name] = used.get(name, 0.0) + delta
    return dict(sorted(used.items(), key=lambda item: -item[1]))
