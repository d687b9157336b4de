"""Results: one row per scenario × page, judged against the scenario's target."""

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import cpu
from .scenarios import Target
from .wrk import WrkResult

OTHER_CPU_SHOWN = 5
# A quarter of a core taken by something else moves req/s by more than run-to-run noise.
DISTURBING_CPU = 0.25


@dataclass
class Row:
    scenario: str
    page: str
    path: str | None
    status: int | None  # of the last warm-up request; None when the page was not found
    page_cache: str  # X-Page-Cache of the last warm-up request ("hit", "miss" or "-")
    target: Target
    wrk: WrkResult | None = None
    server_cpu_seconds: float | None = None
    box_cpu_seconds: float | None = None
    stolen_seconds: float | None = None
    # CPU seconds per process name other than gunicorn and wrk (see cpu.used_between).
    other_cpu_seconds: dict[str, float] = field(default_factory=dict)
    queries: int | None = None
    app_ms: float | None = None
    problems: list[str] = field(default_factory=list)

    def judge(self) -> None:
        if self.path is None:
            self.problems.append("page not found")
            return
        if self.status != 200:
            self.problems.append(f"answers {self.status}, not 200")
        if self.wrk is None:
            return
        if self.wrk.rps < self.target.rps_min:
            self.problems.append(f"{self.wrk.rps:,.0f} req/s < {self.target.rps_min:,.0f}")
        if self.wrk.p95_ms > self.target.p95_max_ms:
            self.problems.append(f"p95 {self.wrk.p95_ms:.1f} ms > {self.target.p95_max_ms:g}")
        if self.wrk.non2xx or self.wrk.socket_errors:
            self.problems.append(
                f"{self.wrk.non2xx} non-2xx, {self.wrk.socket_errors} socket errors"
            )

    @property
    def verdict(self) -> str:
        if self.path is None or self.status != 200:
            return "FAILED"
        return "fail" if self.problems else "pass"

    def other_cpu_text(self, names: Iterable[str] | None = None) -> str:
        shown = [
            f"{name} {self.cpu_share(seconds)}"
            for name, seconds in self.other_cpu_seconds.items()
            if (names is None or name in names) and self.cpu_share(seconds) not in ("0%", "-")
        ]
        return ", ".join(shown[:OTHER_CPU_SHOWN])

    def disturbed_by(self) -> str:
        """The unrelated processes that took more than DISTURBING_CPU of a core, if any."""
        if self.wrk is None:
            return ""
        unrelated = {n: s for n, s in self.other_cpu_seconds.items() if n not in cpu.STACK}
        if sum(unrelated.values()) / self.wrk.seconds <= DISTURBING_CPU:
            return ""
        return self.other_cpu_text(unrelated)

    def stolen(self) -> bool:
        """Whether the hypervisor took more of the box than run-to-run noise moves."""
        if self.wrk is None or self.stolen_seconds is None:
            return False
        return self.stolen_seconds / self.wrk.seconds > DISTURBING_CPU

    def cpu_share(self, seconds: float | None) -> str:
        # Percent of one core over the measured run; 200 % is the whole 2-core box.
        if seconds is None or self.wrk is None:
            return "-"
        return f"{100 * seconds / self.wrk.seconds:.0f}%"


COLUMNS = (
    ("scenario", "<"),
    ("page", "<"),
    ("path", "<"),
    ("status", ">"),
    ("cache", "<"),
    ("req/s", ">"),
    ("p50 ms", ">"),
    ("p95 ms", ">"),
    ("p99 ms", ">"),
    ("non-2xx", ">"),
    ("sock err", ">"),
    ("cpu srv", ">"),
    ("cpu wrk", ">"),
    ("cpu box", ">"),
    ("stolen", ">"),
    ("queries", ">"),
    ("app ms", ">"),
    ("result", "<"),
)


def _cells(row: Row) -> list[str]:
    w = row.wrk

    def number(value, fmt: str) -> str:
        return "-" if value is None else format(value, fmt)

    return [
        row.scenario,
        row.page,
        row.path or "-",
        number(row.status, "d"),
        row.page_cache,
        number(w and w.rps, ",.0f"),
        number(w and w.p50_ms, ".1f"),
        number(w and w.p95_ms, ".1f"),
        number(w and w.p99_ms, ".1f"),
        number(w and w.non2xx, "d"),
        number(w and w.socket_errors, "d"),
        row.cpu_share(row.server_cpu_seconds),
        row.cpu_share(w and w.cpu_seconds),
        row.cpu_share(row.box_cpu_seconds),
        row.cpu_share(row.stolen_seconds),
        number(row.queries, "d"),
        number(row.app_ms, ".1f"),
        row.verdict,
    ]


def table(rows: list[Row]) -> str:
    lines = [[name for name, _align in COLUMNS], *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    rendered = []
    for number, line in enumerate(lines):
        rendered.append(
            "  ".join(
                f"{cell:{align}{width}}"
                for cell, (_name, align), width in zip(line, COLUMNS, widths, strict=True)
            ).rstrip()
        )
        if number == 0:
            rendered.append("  ".join("-" * width for width in widths))
    return "\n".join(rendered)


def failures(rows: list[Row]) -> list[str]:
    return [
        f"{row.scenario} {row.page} ({row.target}): {'; '.join(row.problems)}"
        for row in rows
        if row.problems
    ]


def write_json(path: Path, meta: dict, rows: list[Row]) -> None:
    data = {
        "meta": meta,
        "results": [{**asdict(row), "result": row.verdict} for row in rows],
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
