"""A partitioned run on Dask: one task per partition on a Dask cluster, then the merge.

The engine is Dask's own: a scheduler given by its address (`dask-scheduler` and `dask-worker`
started as Dask documents), or, without one, a LocalCluster with one single-threaded worker
process per core of this machine. A partition whose worker is lost is rerun by the scheduler;
a failing task is retried `retries` times by Dask before the run stops.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.spawn
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import cloudpickle
from distributed import Client, LocalCluster, wait

from . import appender, border, merge, postgis_output, tasks

COMMANDS = ("voucher", "convert", "tally", "ledger", "lines", "parcels", "border")
# the runner's job names that are two words of the guotu tool's command line
TOOL_COMMANDS = {"lines": "lines check", "parcels": "parcels check"}
_OWN_FILES = "each partition would write its own; the merged tables are in the merged output"
# Options of one job that write files of their own beside the output.
NOT_SEPARABLE_FOR = {"ledger": {"--xlsx": _OWN_FILES}, "parcels": {"--xlsx": _OWN_FILES, "--csv-dir": _OWN_FILES},
                     "lines": {"--stats-csv": _OWN_FILES}}
# guotu voucher options that set the market: the market runs once, on the merged accounts.
MARKET_OPTIONS = {"--price": "price", "--floor-price": "floor_price", "--cap": "cap_ha",
                  "--allocation": "allocation", "--settlement": "settlement"}
# Options whose result depends on every zone at once: not separable by county.
NOT_SEPARABLE = {"--ask-field": "asks and bids are not in the accounts; run the market on the merged "
                                "voucher layer with them (the Guotu market algorithm)",
                 "--bid-field": "asks and bids are not in the accounts; run the market on the merged "
                                "voucher layer with them (the Guotu market algorithm)",
                 "--counties": "units attributed to counties across partitions are not separable yet",
                 "-o": "the output is the merged one (the runner's -o)",
                 "--output": "the output is the merged one (the runner's -o)"}

Progress = Callable[[str], None]


class Cancelled(RuntimeError):
    pass


@dataclass
class JobResult:
    output: Path
    results: List[Dict[str, object]]
    seconds: float
    workers: int
    summary: Dict[str, object] = field(default_factory=dict)
    merge_seconds: float = 0.0  # the merge after the last partition
    append_seconds: float = 0.0  # appending partitions while the others ran


def default_guotu() -> str:
    env = os.environ.get("GUOTU_CLI", "").strip()
    if env:
        return env
    found = shutil.which("guotu")
    if found:
        return found
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "lib" / "guotu", here.parent / "build" / "core" / "guotu"):  # packaged; a checkout
        if candidate.is_file():
            return str(candidate)
    return "guotu"


def split_market_options(command: str, args: Sequence[str]) -> tuple:
    """The guotu arguments without the market's, and the market's options (None: no market).
    Refuses what cannot be run per partition, naming the option and why."""
    kept: List[str] = []
    market: Dict[str, object] = {}
    i = 0
    args = list(args)
    while i < len(args):
        arg = args[i]
        name, eq, inline = arg.partition("=")
        if name in NOT_SEPARABLE:
            raise ValueError(f"{name} cannot be used in a partitioned run: {NOT_SEPARABLE[name]}")
        if name in NOT_SEPARABLE_FOR.get(command, {}):
            raise ValueError(f"{name} cannot be used in a partitioned run: {NOT_SEPARABLE_FOR[command][name]}")
        if name == "--reference":
            value = inline if eq else (args[i + 1] if i + 1 < len(args) else "")
            if value == "zones":
                raise ValueError("--reference zones averages over all zones at once and cannot be computed "
                                 "per partition: use --reference national (default) or entered")
        if command == "voucher" and name in MARKET_OPTIONS:
            if eq:
                value = inline
            elif i + 1 < len(args):
                value = args[i + 1]
                i += 1
            else:
                raise ValueError(f"{name} needs a value")
            key = MARKET_OPTIONS[name]
            if key in ("allocation", "settlement"):
                market[key] = value
            else:
                try:
                    market[key] = float(value)
                except ValueError:
                    raise ValueError(f"{name} takes a number, not '{value}'") from None
            i += 1
            continue
        kept.append(arg)
        i += 1
    baseline = [args[j + 1] for j, a in enumerate(args[:-1]) if a == "--baseline"] + \
        [a.split("=", 1)[1] for a in args if a.startswith("--baseline=")]
    if "protection-rate" in baseline and not any(a == "--protection-rate" or a.startswith("--protection-rate=")
                                                 for a in args):
        raise ValueError("--baseline protection-rate without --protection-rate takes the rate over all zones at "
                         "once and cannot be computed per partition: give --protection-rate R")
    if market and "price" not in market and "floor_price" not in market:
        raise ValueError("the market needs --price or --floor-price")
    if command in ("convert", "border") and not any(a == "--threads" or a.startswith("--threads=") for a in kept):
        kept += ["--threads", "1"]  # one core per Dask worker: the workers are the parallelism
    return kept, (market or None)


def runs_in_python() -> bool:
    """Whether multiprocessing starts this process's own Python (not so inside QGIS, where its
    executable is QGIS and the embedded Python may have taken another Python's library path)."""
    exe = Path(os.fsdecode(multiprocessing.spawn.get_executable() or ""))
    if not exe.name.startswith("python"):
        return False
    # that Python's own library is the one this process runs on
    return Path(os.__file__).resolve().is_relative_to(exe.resolve().parent.parent / "lib")


_WORKER_PROCESSES: Dict[int, List[subprocess.Popen]] = {}


def connect(scheduler: Optional[str], workers: Optional[int]) -> Client:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers`` (default:
    one per core) single-threaded worker processes on this machine: a LocalCluster, or inside
    QGIS a scheduler in this process with Dask's own `dask-worker` program for the workers (the
    system Python with its own library path)."""
    if scheduler:
        return Client(scheduler, timeout="30s")
    n = workers or os.cpu_count() or 1
    if runs_in_python():
        return Client(LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"))
    program = shutil.which("dask-worker") or "/usr/bin/dask-worker"
    cluster = LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1", dashboard_address=":0")
    client = Client(cluster)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    procs = [subprocess.Popen([program, cluster.scheduler_address, "--nworkers", str(n), "--nthreads", "1",
                               "--no-dashboard", "--host", "127.0.0.1"], env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    _WORKER_PROCESSES[id(client)] = procs
    try:
        client.wait_for_workers(n, timeout=120)
    except Exception:
        disconnect(client)
        raise
    return client


def disconnect(client: Client) -> None:
    """Closes the client, its local cluster and the worker processes started for it."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()
    for proc in _WORKER_PROCESSES.pop(id(client), []):
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def run_partitioned(command: str, partitions: Sequence[Dict[str, object]], guotu_args: Sequence[str],
                    output: Optional[Path], scheduler: Optional[str] = None, workers: Optional[int] = None,
                    work_dir: Optional[Path] = None, guotu: Optional[str] = None, retries: int = 2,
                    keep_work: bool = False, progress: Optional[Progress] = None,
                    cancelled: Optional[Callable[[], bool]] = None,
                    postgis: Optional[Tuple[str, str]] = None) -> JobResult:
    """Runs ``guotu COMMAND`` on every partition on the Dask cluster and merges the outputs into
    ``output`` (a GeoPackage, written beside and renamed when complete) and/or, with ``postgis``
    (a GDAL 'PG:' connection and a schema), into tables of that schema replaced in one transaction
    (postgis_output). ``work_dir`` holds the partition outputs and must be reachable by every
    worker under the same path (a shared folder; default: beside the output, or the system's
    temporary folder when the output is PostGIS only)."""
    if command not in COMMANDS:
        raise ValueError(f"partitioned runs exist for {', '.join(COMMANDS)}, not '{command}'")
    if not partitions:
        raise ValueError("no partitions to run")
    if output is None and postgis is None:
        raise ValueError("give the merged output: a GeoPackage, a PostGIS schema or both")
    if output is not None:
        output = Path(output).resolve()
        if output.suffix.lower() != ".gpkg":
            raise ValueError(f"the merged output must be a GeoPackage (.gpkg), not '{output.name}'")
    args, market = split_market_options(command, guotu_args)
    if postgis:
        postgis_output.check_target(*postgis)  # before the partitions run, not after
    say = progress or (lambda _text: None)
    run_id = uuid.uuid4().hex[:8]
    if work_dir:
        work = Path(work_dir).resolve()
    elif output is not None:
        work = output.parent / f".{output.stem}.partitions-{run_id}"
    else:
        work = Path(tempfile.gettempdir()) / f"guotu-partitions-{run_id}"
    tool = guotu or default_guotu()
    if not scheduler and not (Path(tool).is_file() and os.access(tool, os.X_OK)):
        raise ValueError(f"the guotu tool was not found ('{tool}'): build it (scripts/setup.sh makes "
                         "build/core/guotu), put it on PATH or set GUOTU_CLI, or give its path")
    job = {"command": TOOL_COMMANDS.get(command, command), "args": list(args), "guotu": tool,
           "work_dir": str(work)}
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with warnings.catch_warnings():
        # Debian's Dask 2022.12 on Python 3.11: tornado's event-loop deprecations, not ours
        # (QGIS shows every Python warning to the user).
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"(tornado|distributed)(\..*)?$")
        warnings.filterwarnings("ignore", message=".*(make_current|current event loop).*")
        return _run(command, partitions, args, market, output, job, work, run_id, scheduler, workers, retries,
                    keep_work, say, cancelled, started, postgis)


def _run(command: str, partitions: Sequence[Dict[str, object]], args: List[str], market: Optional[Dict[str, object]],
         output: Path, job: Dict[str, object], work: Path, run_id: str, scheduler: Optional[str],
         workers: Optional[int], retries: int, keep_work: bool, say: Progress,
         cancelled: Optional[Callable[[], bool]], started: float,
         postgis: Optional[Tuple[str, str]]) -> JobResult:
    merged = output if output is not None else work / "merged.gpkg"
    stream: Optional[appender.OrderedAppender] = None
    client = connect(scheduler, workers)
    try:
        # Workers need Dask, GDAL and the guotu tool, not Guotu's Python package: ship the task by value.
        cloudpickle.register_pickle_by_value(tasks)
        nworkers = len(client.scheduler_info().get("workers", {}))
        say(f"guotu cluster: {len(partitions)} partitions on {nworkers} workers ({client.scheduler.address})")
        futures = {client.submit(tasks.run_partition, job, p, key=f"guotu-{command}-{p['name']}-{run_id}",
                                 retries=retries, pure=False): p["name"] for p in partitions}
        # Appended to the merged file as they finish, in partition order (appender.py); the border
        # check renumbers its conflicts over all pairs and merges after the run.
        if command in appender.APPENDED:
            stream = appender.OrderedAppender(command, [str(p["name"]) for p in partitions], merged, cancelled)
        results: Dict[str, Dict[str, object]] = {}
        last_done = time.monotonic()
        pending = set(futures)
        while pending:
            if cancelled and cancelled():
                client.cancel(list(futures))
                raise Cancelled("the partitioned run was cancelled")
            try:
                done, pending = wait(pending, timeout=0.5, return_when="FIRST_COMPLETED")
            except Exception as exc:  # noqa: BLE001 — distributed raises its own TimeoutError
                if "Timeout" not in type(exc).__name__:
                    raise
                continue
            for fut in done:
                if fut.status == "error":
                    client.cancel(list(pending))
                    raise fut.exception()
                r = fut.result()
                if str(r["name"]) in results:
                    continue  # a partition is taken once
                results[str(r["name"])] = r
                last_done = time.monotonic()
                say(f"[{len(results)}/{len(partitions)}] partition {r['name']}: {r['seconds']:.1f} s, "
                    f"peak {r['peak_rss_mb']:.0f} MB (worker {r['host']}:{r['pid']})")
                if stream is None:
                    continue
                try:
                    with merge.gdal_exceptions():
                        now = stream.add(r)
                except appender.Interrupted as exc:
                    client.cancel(list(futures))
                    raise Cancelled("the partitioned run was cancelled") from exc
                except Exception:
                    client.cancel(list(pending))
                    raise
                if now:
                    say(f"guotu cluster: appended {', '.join(now)} to the merged output "
                        f"({stream.next}/{len(partitions)} in)")
        ordered = [results[str(p["name"])] for p in partitions]
        outputs = [str(r["output"]) for r in ordered]
        say(f"guotu cluster: all {len(outputs)} partitions in; finishing {merged}")
        summary: Dict[str, object] = {}
        with merge.gdal_exceptions():
            partial = stream.finish() if stream is not None else ""
            if command == "voucher":
                summary = merge.merge_voucher(outputs, ordered, merged, market, partial)
            elif command == "convert":
                merge.merge_convert(outputs, ordered, merged, partial)
            elif command == "border":
                copies = partitions[0]["extract"]  # type: ignore[index]
                summary = border.merge_border(outputs, ordered, merged, {"admin": str(copies[0]["source"]),
                                                                         "admin_layer": str(copies[0]["layers"][0]),
                                                                         "elements": str(copies[1]["source"])})
                for skipped in summary["skipped"]:  # type: ignore[union-attr]
                    say(f"guotu cluster: pair {skipped} skipped: the two units share no border")
            else:
                merge.merge_check(command, outputs, ordered, merged, partial)
            merge_seconds = time.monotonic() - last_done  # the appends left then, and the end
            appended = stream.seconds if stream is not None else 0.0
            say(f"guotu cluster: merged in {merge_seconds:.1f} s after the last partition" +
                (f" (appending the partitions as they finished: {appended:.1f} s)" if stream is not None else ""))
            if postgis:
                connection, schema = postgis
                say(f"guotu cluster: writing the merged tables to PostGIS schema {schema}")
                try:
                    tables = postgis_output.publish(merged, connection, schema, cancelled)
                except postgis_output.PublishCancelled as exc:
                    raise Cancelled(str(exc)) from None
                say(f"guotu cluster: PostGIS schema {schema}: " +
                    ", ".join(f"{name} ({n} rows)" for name, n in tables))
    finally:
        if stream is not None:
            stream.discard()  # after a failure or a cancel (after a success it is the output already)
        disconnect(client)
        if not keep_work:  # also after a failure or a cancel: guotu's message is in the error
            shutil.rmtree(work, ignore_errors=True)
    seconds = time.monotonic() - started
    say(f"guotu cluster: written {output or 'PostGIS schema ' + postgis[1]} in {seconds:.1f} s")  # type: ignore[index]
    return JobResult(merged, ordered, seconds, nworkers, summary, merge_seconds,
                     stream.seconds if stream is not None else 0.0)
