"""The runs bench_lib.sh's `pinned` timed (run_lines_bench.sh, run_parcels_bench.sh), read back for
the results JSON: WORK/NAME.time holds GNU time's "wall user sys KB", WORK/NAME.load the load
average before and after the run."""
from __future__ import annotations

from typing import Callable, Dict, List, Tuple

Run = Dict[str, object]


def reader(work: str) -> Callable[[str], Run]:
    """run(NAME): wall, user, sys and CPU seconds, peak RSS in MB and the load of one pinned run."""
    def run(name: str) -> Run:
        with open(f"{work}/{name}.time") as f:
            wall, user, sys_, kb = f.read().split()[-4:]
        with open(f"{work}/{name}.load") as f:
            load = f.read().strip()
        return {"wall_s": float(wall), "user_s": float(user), "sys_s": float(sys_),
                "cpu_s": round(float(user) + float(sys_), 2), "peak_rss_mb": round(int(kb) / 1024), "loadavg": load}
    return run


def best_of(run: Callable[[str], Run], tool: str, repeat: int) -> Tuple[List[Run], Run]:
    """The runs TOOL.run1 … TOOL.runREPEAT and the one of least CPU time."""
    runs = [run(f"{tool}.run{i}") for i in range(1, repeat + 1)]
    return runs, min(runs, key=lambda r: r["cpu_s"])
